package org.kmcr.identity.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.kmcr.identity.model.LinkReview;
import org.kmcr.identity.model.ReviewedIdentity;

/**
 * A link review as a privacy officer judges it: the incoming source identity, the person's linked source
 * identities with the per-field evidence, as they were when the review opened, and the decision once made.
 */
public record LinkReviewView(UUID id, String kind, String status, UUID personId, ReviewedIdentity incoming,
        List<ReviewedIdentity> linked, Instant openedAt, String decision, String decidedBy, String decidedByName,
        String note, Instant decidedAt) {

    static LinkReviewView of(LinkReview r) {
        return new LinkReviewView(r.id, r.kind, r.status, r.personId, r.evidence.incoming(), r.evidence.linked(), r.openedAt, r.decision,
                r.decidedBy, r.decidedByName, r.decisionNote, r.decidedAt);
    }
}
