package org.kmcr.consent.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A relationship a source asserted without being entitled to (or that would reopen or move an episode): kept,
 * with the reason, for a privacy officer to inspect, and never used to permit access.
 */
@Entity
@Table(name = "unverified_assertion", schema = "consent")
public class UnverifiedAssertion extends AssertedRelationship {

    @Column(name = "received_at")
    public Instant receivedAt;
}
