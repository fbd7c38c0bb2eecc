package org.kmcr.ingest.rest;

import java.time.Instant;
import java.util.UUID;
import org.kmcr.ingest.model.BulkJob;

/** A bulk job as its sender sees it: its state and counts of rows, no personal data. */
public record BulkJobView(UUID id, String format, String state, long bytes, long rowsRead, long rowsAccepted,
        long rowsRejected, Instant receivedAt, Instant startedAt, Instant finishedAt, String error, String rows) {

    static BulkJobView of(BulkJob job) {
        return new BulkJobView(job.id, job.format, job.state, job.bytes, job.rowsRead, job.rowsAccepted,
                job.rowsRejected, job.receivedAt, job.startedAt, job.finishedAt, job.error,
                BulkResource.PATH + "/jobs/" + job.id + "/rows");
    }
}
