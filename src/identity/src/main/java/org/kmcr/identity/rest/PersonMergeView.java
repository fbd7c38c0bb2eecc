package org.kmcr.identity.rest;

import java.time.Instant;
import java.util.UUID;
import org.kmcr.identity.model.PersonMerge;

/** A merge of two persons, and its undoing once unmerged. */
public record PersonMergeView(UUID id, UUID mergedPersonId, UUID survivingPersonId, String kind, String reason,
        String mergedBy, Instant mergedAt, String unmergedBy, Instant unmergedAt) {

    static PersonMergeView of(PersonMerge m) {
        return new PersonMergeView(m.id, m.mergedPersonId, m.survivingPersonId, m.kind, m.reason, m.mergedBy,
                m.mergedAt, m.unmergedBy, m.unmergedAt);
    }
}
