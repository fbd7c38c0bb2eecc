package org.kmcr.portal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kmcr.portal.client.PatternAlertsApi;
import org.kmcr.portal.model.PatternAlertRow;

class PatternAlertsTest {

    static PatternAlertsApi.PatternAlert alert(String kind, String nhsNumber, Instant reviewedAt) {
        return new PatternAlertsApi.PatternAlert(UUID.randomUUID(), kind, "u-1", "Asha Patel", "K81001", nhsNumber,
                Instant.parse("2026-12-01T20:10:00Z"), Instant.parse("2026-12-01T20:40:00Z"),
                "31 different people's records opened within an hour (more than 30)",
                Instant.parse("2026-12-01T20:41:00Z"), reviewedAt == null ? "open" : "reviewed",
                reviewedAt == null ? null : "referred", reviewedAt == null ? null : "Clinic list",
                reviewedAt == null ? null : "Priya Shah", reviewedAt);
    }

    @Test
    void anAlertSaysWhoDidWhatAndWhenInWords() {
        PatternAlertRow row = PatternAlerts.row(alert("many-records-in-an-hour", null, null));
        assertEquals("Many records in an hour", row.pattern());
        assertEquals("Asha Patel, K81001", row.who());
        assertEquals("1 December 2026 at 20:10 to 1 December 2026 at 20:40", row.when());
        assertEquals("", row.nhsNumber());
        assertEquals("", row.outcome());
    }

    @Test
    void aReviewedOutOfHoursAlertNamesItsPersonAndItsFinding() {
        PatternAlertRow row = PatternAlerts.row(alert("out-of-hours", "9434765919",
                Instant.parse("2026-12-01T21:00:00Z")));
        assertEquals("Records opened out of hours", row.pattern());
        assertEquals("943 476 5919", row.nhsNumber());
        assertEquals("referred: Clinic list (Priya Shah, 1 December 2026 at 21:00)", row.outcome());
    }
}
