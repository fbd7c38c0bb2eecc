package org.kmcr.common.identity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * One change of the MPI's links, as other services follow it on {@code GET /api/identity-events}: a source
 * identity linked to or unlinked from a person, or two persons merged or unmerged. {@code position} orders the
 * feed; {@code eventId} is the event's identity for de-duplication by a consumer (the same event always keeps it).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IdentityEvent(long position, UUID eventId, IdentityEventType type, UUID personId,
        UUID otherPersonId, UUID sourceIdentityId, UUID linkId, UUID mergeId, Instant occurredAt) {
}
