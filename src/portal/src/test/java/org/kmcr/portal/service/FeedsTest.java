package org.kmcr.portal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kmcr.common.ingest.DeadLetterNotice;
import org.kmcr.portal.model.DeadLetterRow;

class FeedsTest {

    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    static DeadLetterNotice notice(List<String> fields, Instant lastAttempt) {
        return new DeadLetterNotice(UUID.randomUUID(), Instant.parse("2026-12-01T11:30:00Z"), "RKM",
                "partner-rkm-pas", "hl7v2", 503, "Service unavailable", fields, DeadLetterNotice.OPEN, 1, lastAttempt);
    }

    @Test
    void aDeadLetterNamesItsSenderItsProblemAndWhereItLies() {
        DeadLetterRow row = Feeds.row(notice(List.of("PID-3", "PV1-19"), null),
                Map.of("RKM", "Kingsmere University Hospitals"), NOW);
        assertEquals("Kingsmere University Hospitals (RKM)", row.organisation());
        assertEquals("503 Service unavailable", row.problem());
        assertEquals("PID-3, PV1-19", row.where());
        assertEquals("1 December 2026 at 11:30 (today)", row.received());
        assertEquals("never", row.lastAttempt());
    }

    @Test
    void aProblemThatNamesNoPlaceIsAboutTheWholeMessage() {
        DeadLetterRow row = Feeds.row(notice(List.of(), NOW), Map.of(), NOW);
        assertEquals("the whole message", row.where());
        assertEquals("RKM", row.organisation(), "an organisation not in the register is named by its code");
        assertTrue(row.lastAttempt().endsWith("(today)"), row.lastAttempt());
    }
}
