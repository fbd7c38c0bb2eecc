package org.kmcr.ingest.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A message a feed accepted: what feed health counts (the rejected ones are the dead letters). */
@Entity
@Table(name = "accepted_message", schema = "ingest")
public class AcceptedMessage {

    @Id
    public UUID id;
    @Column(name = "source_org")
    public String sourceOrg;
    @Column(name = "source_system")
    public String sourceSystem;
    /** {@link Feed}'s code. */
    public String feed;
    @Column(name = "received_at")
    public Instant receivedAt;

    public static AcceptedMessage of(Sender sender, Feed feed, Instant receivedAt) {
        AcceptedMessage message = new AcceptedMessage();
        message.id = UUID.randomUUID();
        message.sourceOrg = sender.orgCode();
        message.sourceSystem = sender.system();
        message.feed = feed.code();
        message.receivedAt = receivedAt;
        return message;
    }
}
