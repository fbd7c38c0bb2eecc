package org.kmcr.identity.model;

import java.util.UUID;

/** A source identity that shares a blocking key with a record being resolved, and the person it is linked to. */
public record Candidate(UUID sourceIdentityId, String sourceOrg, String sourceSystem, String localId,
        UUID personId, String nhsNumber, Demographics demographics) {
}
