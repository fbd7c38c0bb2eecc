package org.kmcr.common.consent;

import java.util.UUID;

/**
 * What consent made of an asserted relationship: a verified fact (new, changed or already known), or kept as
 * unverified, with the reason, and never used to permit access.
 *
 * @param relationshipId the verified episode; null when unverified
 */
public record AssertionOutcome(Status status, UUID relationshipId, String reason) {

    /** VERIFIED: the asserter was entitled to assert it; UNVERIFIED: kept for inspection, never used. */
    public enum Status { VERIFIED, UNVERIFIED }

    public boolean verified() {
        return status == Status.VERIFIED;
    }
}
