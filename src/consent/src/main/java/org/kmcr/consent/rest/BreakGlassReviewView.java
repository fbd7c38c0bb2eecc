package org.kmcr.consent.rest;

import java.time.Instant;
import java.util.UUID;
import org.kmcr.consent.model.BreakGlassReview;

/** A break-glass access as a privacy officer judges it: who, acting as what, where, when and why. */
public record BreakGlassReviewView(UUID id, String basis, UUID auditEventId, UUID personId, String nhsNumber, String userId, String userName,
        String role, String orgCode, String reason, Instant occurredAt, String status, String outcome,
        String reviewer, String reviewNote, Instant reviewedAt) {

    static BreakGlassReviewView of(BreakGlassReview r) {
        return new BreakGlassReviewView(r.id, r.basis, r.auditEventId, r.personId, r.nhsNumber, r.userId, r.userName, r.role, r.orgCode,
                r.reason, r.occurredAt, r.status, r.outcome, r.reviewer, r.reviewNote, r.reviewedAt);
    }
}
