package org.kmcr.common.identity;

import java.util.List;
import java.util.UUID;

/** A person and the source identities currently linked to them. */
public record PersonIdentities(UUID personId, String nhsNumber, List<SourceIdentityRef> sourceIdentities) {

    public record SourceIdentityRef(UUID sourceIdentityId, String sourceOrg, String sourceSystem, String localId) {
    }

    public List<UUID> sourceIdentityIds() {
        return sourceIdentities.stream().map(SourceIdentityRef::sourceIdentityId).toList();
    }
}
