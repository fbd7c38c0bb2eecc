package org.kmcr.common.consent;

import java.util.UUID;

/** A request to see a person's record, for a purpose, possibly breaking glass with a stated reason. */
public record AccessRequest(UUID personId, String nhsNumber, String purpose, CallerDetails caller,
        String breakGlassReason) {

    public static final String DIRECT_CARE = "direct-care";
}
