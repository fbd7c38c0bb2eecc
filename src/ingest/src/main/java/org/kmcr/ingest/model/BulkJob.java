package org.kmcr.ingest.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A bulk extract being loaded (or loaded): who sent it, how far it got, and its counts of rows. */
@Entity
@Table(name = "bulk_job", schema = "ingest")
public class BulkJob {

    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";

    @Id
    public UUID id;
    @Column(name = "source_org")
    public String sourceOrg;
    @Column(name = "source_system")
    public String sourceSystem;
    /** The extract's media type. */
    public String format;
    /** {@link #QUEUED}, {@link #RUNNING}, {@link #COMPLETED} (every row has its outcome) or {@link #FAILED}. */
    public String state;
    public long bytes;
    @Column(name = "rows_read")
    public long rowsRead;
    @Column(name = "rows_accepted")
    public long rowsAccepted;
    @Column(name = "rows_rejected")
    public long rowsRejected;
    @Column(name = "received_at")
    public Instant receivedAt;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
    /** Why the job stopped before its last row (state failed); null otherwise. */
    public String error;
}
