package org.kmcr.portal.client;

import java.time.Instant;
import java.util.UUID;

/**
 * A break-glass or self-claimed access waiting for (or given) a privacy officer's review: consent's
 * {@code BreakGlassReviewView} as it answers it; to move to {@code src/common} with consent's resource.
 */
public record AccessReview(UUID id, String basis, UUID auditEventId, UUID personId, String nhsNumber, String userId,
        String userName, String role, String orgCode, String reason, Instant occurredAt, String status,
        String outcome, String reviewer, String reviewNote, Instant reviewedAt) {
}
