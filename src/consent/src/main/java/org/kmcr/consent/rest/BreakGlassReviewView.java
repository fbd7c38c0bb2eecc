package org.kmcr.consent.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.kmcr.consent.model.BreakGlassReview;
import org.kmcr.consent.service.ReviewedAccesses;

/**
 * A break-glass access as a privacy officer judges it: who, acting as what, where, when and why; with the further
 * accesses made within the break-glass window that joined this review, and the review it continues, if any.
 */
public record BreakGlassReviewView(UUID id, String basis, UUID auditEventId, UUID personId, String nhsNumber, String userId, String userName,
        String role, String orgCode, String reason, Instant occurredAt, String status, String outcome,
        String reviewer, String reviewNote, Instant reviewedAt, UUID continuesReviewId, List<Access> accesses) {

    /** An access within the window that joined the review. */
    public record Access(UUID auditEventId, Instant occurredAt) {
    }

    static BreakGlassReviewView of(ReviewedAccesses reviewed) {
        BreakGlassReview r = reviewed.review();
        return new BreakGlassReviewView(r.id, r.basis, r.auditEventId, r.personId, r.nhsNumber, r.userId, r.userName, r.role, r.orgCode,
                r.reason, r.occurredAt, r.status, r.outcome, r.reviewer, r.reviewNote, r.reviewedAt,
                r.continuesReviewId, reviewed.accesses().stream()
                        .map(access -> new Access(access.auditEventId, access.occurredAt)).toList());
    }
}
