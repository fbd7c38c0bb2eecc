package org.kmcr.consent.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A relationship a source asserted without being entitled to (or that would reopen or move an episode): kept,
 * with the reason, for a privacy officer to inspect, and never used to permit access.
 */
@Entity
@Table(name = "unverified_assertion", schema = "consent")
public class UnverifiedAssertion {

    @Id
    public UUID id;
    @Column(name = "person_id")
    public UUID personId;
    @Column(name = "org_code")
    public String orgCode;
    public String kind;
    @Column(name = "started_on")
    public LocalDate startedOn;
    @Column(name = "ends_on")
    public LocalDate endsOn;
    @Column(name = "asserted_by_org")
    public String assertedByOrg;
    @Column(name = "asserted_by_system")
    public String assertedBySystem;
    @Column(name = "source_message")
    public String sourceMessage;
    @Column(name = "recorded_via")
    public String recordedVia;
    public String reason;
    @Column(name = "received_at")
    public Instant receivedAt;
}
