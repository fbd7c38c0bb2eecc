package org.kmcr.consent.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One episode of a relationship between an organisation and a person, with who asserted it. Only verified
 * assertions become episodes; the others are kept as {@link UnverifiedAssertion}s.
 */
@Entity
@Table(name = "relationship", schema = "consent")
public class Relationship extends AssertedRelationship {

    @Column(name = "created_at")
    public Instant createdAt;
    /** The person who asserted it (a privacy officer or a self-claiming professional); null for systems. */
    @Column(name = "asserted_by_user")
    public String assertedByUser;
    /** Who ended it (organisation, and user for a privacy officer) and when; null while not ended. */
    @Column(name = "ended_by")
    public String endedBy;
    @Column(name = "ended_at")
    public Instant endedAt;
}
