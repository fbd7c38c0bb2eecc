package org.kmcr.common.identity;

import java.util.UUID;

/** The MPI's answer: the source identity and the person it is linked to, and how. */
public record ResolvedIdentity(UUID sourceIdentityId, UUID personId, String nhsNumber, String linkMethod) {
}
