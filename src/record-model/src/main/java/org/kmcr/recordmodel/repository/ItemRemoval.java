package org.kmcr.recordmodel.repository;

import java.time.Instant;
import java.util.UUID;

/**
 * A source's removal of one of its items (entered in error, deleted at source, an HL7 v2 cancel): which item, of
 * which source identity, why, and the message that said so.
 */
public record ItemRemoval(String sourceOrg, String sourceSystem, String resourceType, String sourceId,
        UUID sourceIdentityId, Instant removedAt, String reason, String sourceMessage) {
}
