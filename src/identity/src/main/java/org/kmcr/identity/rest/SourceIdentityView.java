package org.kmcr.identity.rest;

import java.util.UUID;
import org.kmcr.identity.model.SourceIdentity;

/** A source identity as other services refer to it. */
public record SourceIdentityView(UUID sourceIdentityId, String sourceOrg, String sourceSystem, String localId) {

    static SourceIdentityView of(SourceIdentity s) {
        return new SourceIdentityView(s.id, s.sourceOrg, s.sourceSystem, s.localId);
    }
}
