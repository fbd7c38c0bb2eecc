package org.kmcr.consent.policy;

import java.util.Set;
import java.util.UUID;

/**
 * Someone asking to see a person's record, for a purpose.
 *
 * @param personId         null when KMCR holds no person with the NHS number
 * @param nhsNumber        the person's NHS number when known; null otherwise
 * @param breakGlassReason the reason stated for breaking glass; null or blank when none
 */
public record AccessRequest(UUID personId, String nhsNumber, String purpose, Requester requester,
        String breakGlassReason) {

    public static final String DIRECT_CARE = "direct-care";

    /**
     * The end user, as the calling service took them from their verified token.
     *
     * @param orgCode   ODS code of the organisation they act for; null for citizens
     * @param nhsNumber for citizens, their own NHS number; null otherwise
     */
    public record Requester(String userId, String displayName, Set<String> roles, String orgCode, String roleCode,
            String nhsNumber) {

        public Requester {
            roles = roles == null ? Set.of() : Set.copyOf(roles);
        }
    }
}
