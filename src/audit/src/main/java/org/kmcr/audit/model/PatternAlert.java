package org.kmcr.audit.model;

import java.time.Instant;
import java.util.UUID;

/**
 * An alert raised on an access pattern, with its latest review when there is one (status {@code open} until then).
 *
 * @param firstSequence the first audit entry of the pattern
 * @param lastSequence  the entry that completed it
 */
public record PatternAlert(UUID id, String kind, String actorUserId, String actorName, String actorOrg,
        String subjectNhsNumber, long firstSequence, long lastSequence, Instant occurredFrom, Instant occurredTo,
        String detail, Instant raisedAt, String status, String outcome, String note, String reviewedBy,
        Instant reviewedAt) {

    public static final String OPEN = "open";
    public static final String REVIEWED = "reviewed";
}
