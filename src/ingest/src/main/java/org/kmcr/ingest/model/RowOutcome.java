package org.kmcr.ingest.model;

import java.util.UUID;

/**
 * What happened to one row of a bulk extract.
 *
 * @param outcome      {@link #ACCEPTED} or {@link #REJECTED}
 * @param recordId     the row's record id, when it could be read
 * @param error        why it was rejected; for an accepted row, what the sender should know (e.g. a relationship
 *                     kept as unverified), else null
 * @param deadLetterId the dead letter that keeps a rejected row for replay
 */
public record RowOutcome(long rowNumber, String outcome, String recordId, String error, UUID deadLetterId) {

    public static final String ACCEPTED = "accepted";
    public static final String REJECTED = "rejected";

    public boolean accepted() {
        return ACCEPTED.equals(outcome);
    }
}
