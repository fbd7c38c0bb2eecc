package org.kmcr.common.security;

import java.util.Set;

/**
 * Who is making a request, taken from the verified access token and never from a header or the payload.
 *
 * @param userId      the token subject: a person for users, the service account for systems
 * @param displayName the person's name for users, the client id for systems
 * @param roles       KMCR realm roles (clinician, patient, partner-system, ...)
 * @param orgCode     ODS code of the organisation the caller acts for; null for citizens
 * @param roleProfileId the CIS2-style selected role profile id; null for systems and citizens
 * @param roleCode    the CIS2-style role code of the selected role profile, e.g. S8000:G8000:R8000
 * @param nhsNumber   for citizens, their own NHS number; null otherwise
 * @param clientId    the OAuth2 client that obtained the token (the source system for partners)
 */
public record Caller(String userId, String displayName, Set<String> roles, String orgCode,
        String roleProfileId, String roleCode, String nhsNumber, String clientId) {

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** The one role that best describes the caller in audit trails. */
    public String primaryRole() {
        return Roles.PRECEDENCE.stream().filter(roles::contains).findFirst().orElse("unknown");
    }
}
