package org.kmcr.identity.service;

import java.util.UUID;

/** The answer to a resolve: the source identity, the person it is linked to, and how it was linked. */
public record Resolution(UUID sourceIdentityId, UUID personId, String nhsNumber, String linkMethod) {
}
