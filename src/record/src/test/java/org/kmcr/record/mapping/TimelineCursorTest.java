package org.kmcr.record.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.record.model.Position;

class TimelineCursorTest {

    @Test
    void aCursorNamesExactlyThePositionItWasMadeFrom() {
        Position timed = new Position(Instant.parse("2024-02-01T09:00:00.123456Z"), UUID.randomUUID());
        Position untimed = new Position(null, UUID.randomUUID());
        assertEquals(timed, TimelineCursor.decode(TimelineCursor.encode(timed)));
        assertEquals(untimed, TimelineCursor.decode(TimelineCursor.encode(untimed)));
        assertEquals("-infinity", TimelineCursor.decode(TimelineCursor.encode(untimed)).sqlTime());
        assertFalse(TimelineCursor.encode(timed).contains("2024"), "opaque");
        assertSame(Position.FIRST, TimelineCursor.decode(null));
        assertSame(Position.FIRST, TimelineCursor.decode(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"!!!", "bm90LWEtY3Vyc29y", "dDF8eHx5", "dDF8LXxub3QtYS11dWlk"})
    void anythingElseIsA400(String cursor) {
        assertEquals(400, assertThrows(ProblemException.class, () -> TimelineCursor.decode(cursor)).status());
    }
}
