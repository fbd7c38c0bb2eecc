package org.kmcr.consent.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A relationship between an organisation and a person, as a source asserted it; one per (person, org, kind). */
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
    /** Where the relationship came from, e.g. the feed or system that asserted it. */
    public String source;
    @Column(name = "started_on")
    public LocalDate startedOn;
    @Column(name = "ends_on")
    public LocalDate endsOn;
    @Column(name = "created_at")
    public Instant createdAt;
}
