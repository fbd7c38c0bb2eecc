package org.kmcr.consent.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.kmcr.consent.model.Relationship;
import org.kmcr.consent.policy.CareRelationship;

/**
 * A relationship.
 *
 * @param active whether it is active today, i.e. whether it gives the organisation's staff access
 */
public record RelationshipView(UUID id, UUID personId, String orgCode, String kind, String source,
        LocalDate startedOn, LocalDate endsOn, Instant createdAt, boolean active) {

    static RelationshipView of(Relationship r, LocalDate today) {
        return new RelationshipView(r.id, r.personId, r.orgCode, r.kind, r.source, r.startedOn, r.endsOn,
                r.createdAt, new CareRelationship(r.kind, r.startedOn, r.endsOn).activeOn(today));
    }
}
