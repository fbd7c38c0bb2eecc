package org.kmcr.consent.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A person's objection, restriction or consent to share, as a privacy officer recorded it or a citizen asked for
 * it. Scope lists are comma-separated codes; an empty list means "any". Served as a FHIR Consent resource.
 */
@Entity
@Table(name = "consent_directive", schema = "consent")
public class ConsentDirective {

    public static final String REQUESTED = "requested";
    public static final String ACTIVE = "active";
    public static final String REJECTED = "rejected";
    public static final String WITHDRAWN = "withdrawn";

    @Id
    public UUID id;
    @Column(name = "nhs_number")
    public String nhsNumber;
    /** objection, restriction or consent-to-share. */
    public String kind;
    /** requested, active, rejected or withdrawn. */
    public String status;
    public String categories;
    @Column(name = "source_orgs")
    public String sourceOrgs;
    @Column(name = "item_ids")
    public String itemIds;
    @Column(name = "recipient_orgs")
    public String recipientOrgs;
    /** Whom to contact about it (shown with an objection). */
    public String contact;
    public String reason;
    @Column(name = "requested_by")
    public String requestedBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "decision_note")
    public String decisionNote;

    /** A stored scope list as its codes; empty when blank ("any"). */
    public static Set<String> codes(String list) {
        return list == null || list.isBlank() ? Set.of() : Set.of(list.split(","));
    }

    /** Codes as a stored scope list, sorted. */
    public static String list(java.util.Collection<?> codes) {
        return codes == null ? "" : codes.stream().map(Object::toString).sorted()
                .collect(java.util.stream.Collectors.joining(","));
    }
}
