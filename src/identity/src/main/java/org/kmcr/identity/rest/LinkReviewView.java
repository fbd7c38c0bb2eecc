package org.kmcr.identity.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.kmcr.identity.model.LinkReview;
import org.kmcr.identity.model.ReviewedIdentity;

/**
 * A link review as a privacy officer judges it: the incoming source identity, the person's linked source
 * identities with the per-field evidence, as they were when the review opened, and the decision once made. For a
 * possible match, {@code linked} are the candidate person's records with each field's contribution in words.
 */
public record LinkReviewView(UUID id, String kind, String status, UUID personId, ReviewedIdentity incoming,
        List<ReviewedIdentity> linked, Instant openedAt, String decision, String decidedBy, String decidedByName,
        String note, Instant decidedAt, BigDecimal score, String deferredBy, Instant deferredAt) {

    static LinkReviewView of(LinkReview r) {
        return new LinkReviewView(r.id, r.kind, r.status, r.personId, r.evidence.incoming(), r.evidence.linked(),
                r.openedAt, r.decision, r.decidedBy, r.decidedByName, r.decisionNote, r.decidedAt, r.score,
                r.deferredBy, r.deferredAt);
    }
}
