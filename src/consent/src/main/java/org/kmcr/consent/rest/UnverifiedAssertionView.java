package org.kmcr.consent.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.kmcr.consent.model.UnverifiedAssertion;

/** A relationship a source asserted without being entitled to, with the reason it was not accepted. */
public record UnverifiedAssertionView(UUID id, UUID personId, String orgCode, String kind, LocalDate startedOn,
        LocalDate endsOn, RelationshipView.AssertedBy assertedBy, String sourceMessage, String recordedVia,
        String reason, Instant receivedAt) {

    static UnverifiedAssertionView of(UnverifiedAssertion a) {
        return new UnverifiedAssertionView(a.id, a.personId, a.orgCode, a.kind, a.startedOn, a.endsOn,
                new RelationshipView.AssertedBy(a.assertedByOrg, a.assertedBySystem, null), a.sourceMessage,
                a.recordedVia, a.reason, a.receivedAt);
    }
}
