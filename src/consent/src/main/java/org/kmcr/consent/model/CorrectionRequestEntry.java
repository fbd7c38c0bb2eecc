package org.kmcr.consent.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A citizen's correction request, routed to the source organisation, and that organisation's answer. */
@Entity
@Table(name = "correction_request", schema = "consent")
public class CorrectionRequestEntry {

    @Id
    public UUID id;
    @Column(name = "nhs_number")
    public String nhsNumber;
    /** The citizen's user id (token subject). */
    @Column(name = "requested_by")
    public String requestedBy;
    @Column(name = "source_org")
    public String sourceOrg;
    public String item;
    public String correction;
    /** open, corrected or declined ({@link org.kmcr.common.consent.CorrectionStatus}). */
    public String status;
    @Column(name = "requested_at")
    public Instant requestedAt;
    @Column(name = "decided_at")
    public Instant decidedAt;
    /** The user id of who answered. */
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_by_org")
    public String decidedByOrg;
    @Column(name = "decision_note")
    public String decisionNote;
}
