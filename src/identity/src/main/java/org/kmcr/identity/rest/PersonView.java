package org.kmcr.identity.rest;

import java.util.List;
import java.util.UUID;
import org.kmcr.identity.service.LinkedPerson;

/** A person and the source identities currently linked to them. */
public record PersonView(UUID personId, String nhsNumber, List<SourceIdentityView> sourceIdentities) {

    static PersonView of(LinkedPerson p) {
        return new PersonView(p.person().id, p.person().nhsNumber,
                p.sourceIdentities().stream().map(SourceIdentityView::of).toList());
    }
}
