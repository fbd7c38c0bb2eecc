package org.kmcr.common.consent;

import java.util.UUID;

/**
 * A request to see a person's record, for a purpose, possibly breaking glass with a stated reason.
 *
 * @param personId null when KMCR holds no person with the NHS number: the decision then still says whether the
 *                 caller could see a record at all, so that the answer does not tell them which numbers are held
 */
public record AccessRequest(UUID personId, String nhsNumber, String purpose, CallerDetails caller,
        String breakGlassReason) {

    public static final String DIRECT_CARE = "direct-care";
}
