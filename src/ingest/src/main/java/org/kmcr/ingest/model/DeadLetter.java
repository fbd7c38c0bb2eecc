package org.kmcr.ingest.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A submission that could not be processed, kept whole with the reason so it can be inspected and replayed. */
@Entity
@Table(name = "dead_letter", schema = "ingest")
public class DeadLetter {

    public static final String OPEN = "open";
    public static final String REPLAYED = "replayed";

    @Id
    public UUID id;
    @Column(name = "received_at")
    public Instant receivedAt;
    @Column(name = "source_org")
    public String sourceOrg;
    @Column(name = "source_system")
    public String sourceSystem;
    @Column(name = "content_type")
    public String contentType;
    public String payload;
    /** The HTTP status the sender was given. */
    public int status;
    /** The problem the sender was given, as JSON. */
    public String error;
    /** {@link #OPEN} or {@link #REPLAYED}. */
    public String state;
    public int attempts;
    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;
}
