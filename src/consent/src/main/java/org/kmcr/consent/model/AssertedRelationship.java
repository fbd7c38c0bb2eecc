package org.kmcr.consent.model;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What every asserted relationship holds, whether it became an episode ({@link Relationship}) or was kept as
 * unverified ({@link UnverifiedAssertion}): between whom, of what kind, for when, and who asserted it from which
 * message through which KMCR client.
 */
@MappedSuperclass
public abstract class AssertedRelationship {

    @Id
    public UUID id;
    @Column(name = "person_id")
    public UUID personId;
    @Column(name = "org_code")
    public String orgCode;
    public String kind;
    @Column(name = "started_on")
    public LocalDate startedOn;
    /** The last day it is active; null while open-ended. */
    @Column(name = "ends_on")
    public LocalDate endsOn;
    /** The organisation that asserted it (the sender of the message, the officer's or the claimant's). */
    @Column(name = "asserted_by_org")
    public String assertedByOrg;
    /** The system that asserted it: the partner system's client id, or the client a person used. */
    @Column(name = "asserted_by_system")
    public String assertedBySystem;
    /** The message that asserted it, e.g. a bundle id; a manual entry's own reference. */
    @Column(name = "source_message")
    public String sourceMessage;
    /** The KMCR client that passed the assertion on (ingest for feeds, record-query for self-claims). */
    @Column(name = "recorded_via")
    public String recordedVia;
    /** For an episode, the self-claim's reason or the officer's note; for an unverified one, why it was refused. */
    public String reason;
}
