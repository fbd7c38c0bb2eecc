package org.kmcr.identity.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.kmcr.identity.model.IdentityLink;

/** A source identity's current link and how it was made: rule, score, per-field evidence in words, by whom, when. */
public record LinkView(UUID sourceIdentityId, UUID personId, String state, String method, BigDecimal score,
        Map<String, String> evidence, String decidedBy, Instant createdAt) {

    static LinkView of(IdentityLink link) {
        return new LinkView(link.sourceIdentityId, link.personId, link.state, link.method, link.score, link.evidence,
                link.decidedBy, link.createdAt);
    }
}
