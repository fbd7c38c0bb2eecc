package org.kmcr.consent.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.kmcr.consent.model.Relationship;
import org.kmcr.consent.policy.CareRelationship;

/**
 * One episode of a relationship, with who asserted it.
 *
 * @param active whether it is active today by its dates (an encounter gives access only within the policy's
 *               encounter window)
 */
public record RelationshipView(UUID id, UUID personId, String orgCode, String kind, LocalDate startedOn,
        LocalDate endsOn, AssertedBy assertedBy, String sourceMessage, String recordedVia, String reason,
        Instant createdAt, String endedBy, Instant endedAt, boolean active) {

    /** The organisation and system (and person, when one) that asserted it. */
    public record AssertedBy(String orgCode, String system, String userId) {
    }

    static RelationshipView of(Relationship r, LocalDate today) {
        return new RelationshipView(r.id, r.personId, r.orgCode, r.kind, r.startedOn, r.endsOn,
                new AssertedBy(r.assertedByOrg, r.assertedBySystem, r.assertedByUser), r.sourceMessage,
                r.recordedVia, r.reason, r.createdAt, r.endedBy, r.endedAt,
                new CareRelationship(r.kind, r.startedOn, r.endsOn).activeOn(today));
    }
}
