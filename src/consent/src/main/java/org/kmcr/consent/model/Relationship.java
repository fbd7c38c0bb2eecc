package org.kmcr.consent.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One episode of a relationship between an organisation and a person, with who asserted it: the partner
 * organisation and system that sent the message (or the privacy officer, or the professional who claimed it),
 * when, and from which message. Only verified assertions become episodes; the others are kept as
 * {@link UnverifiedAssertion}s.
 */
@Entity
@Table(name = "relationship", schema = "consent")
public class Relationship {

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
    @Column(name = "created_at")
    public Instant createdAt;
    /** The organisation that asserted it (the sender of the message, the officer's or the claimant's). */
    @Column(name = "asserted_by_org")
    public String assertedByOrg;
    /** The system that asserted it: the partner system's client id, or the client a person used. */
    @Column(name = "asserted_by_system")
    public String assertedBySystem;
    /** The person who asserted it (a privacy officer or a self-claiming professional); null for systems. */
    @Column(name = "asserted_by_user")
    public String assertedByUser;
    /** The message that asserted it, e.g. a bundle id; a manual entry's own reference. */
    @Column(name = "source_message")
    public String sourceMessage;
    /** The KMCR client that passed the assertion on (ingest for feeds, record-query for self-claims). */
    @Column(name = "recorded_via")
    public String recordedVia;
    /** Why it was recorded: the self-claim's reason or the officer's note; null for feeds. */
    public String reason;
    /** Who ended it (organisation, and user for a privacy officer) and when; null while not ended. */
    @Column(name = "ended_by")
    public String endedBy;
    @Column(name = "ended_at")
    public Instant endedAt;
}
