package org.kmcr.audit.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Working hours in UK time, as a table of named cases. */
class AccessPatternsTest {

    static final AccessPatterns PATTERNS = new AccessPatterns(30, LocalTime.of(7, 0), LocalTime.of(19, 0),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), ZoneId.of("Europe/London"));

    @ParameterizedTest(name = "{0}: {1} outside = {2}")
    @CsvSource({
        "a Tuesday morning in winter (UTC = UK),      2026-12-01T09:00:00Z, false",
        "the first minute of the working day,         2026-12-01T07:00:00Z, false",
        "the last minute of the working day,          2026-12-01T18:59:00Z, false",
        "the end of the working day,                  2026-12-01T19:00:00Z, true",
        "before dawn,                                 2026-12-01T03:12:00Z, true",
        "summer time: 06:30 UTC is 07:30 in the UK,   2026-07-07T06:30:00Z, false",
        "summer time: 18:30 UTC is 19:30 in the UK,   2026-07-07T18:30:00Z, true",
        "a Saturday at noon,                          2026-12-05T12:00:00Z, true"})
    void outsideWorkingHours(String name, String when, boolean outside) {
        assertEquals(outside, PATTERNS.outsideWorkingHours(Instant.parse(when)), name);
    }

    @ParameterizedTest(name = "{0} people in an hour: too many = {1}")
    @CsvSource({"29, false", "30, false", "31, true"})
    void tooManyRecords(long people, boolean tooMany) {
        assertEquals(tooMany, PATTERNS.tooManyRecords(people));
    }
}
