package org.kmcr.portal.model;

import java.util.UUID;

/**
 * One alert on an access pattern as the review page shows it: who, what pattern in words, when, and (once reviewed)
 * the outcome with its reviewer.
 */
public record PatternAlertRow(UUID id, String pattern, String who, String when, String detail, String nhsNumber,
        String outcome) {
}
