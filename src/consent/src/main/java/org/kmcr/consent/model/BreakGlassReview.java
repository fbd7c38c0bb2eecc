package org.kmcr.consent.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A disclosure that a privacy officer must judge (break glass, or access on a self-claimed relationship),
 * awaiting (status open) or having had (closed) their judgement. Queued only once the disclosure's audit event
 * is committed, once per audit event.
 */
@Entity
@Table(name = "break_glass_review", schema = "consent")
public class BreakGlassReview {

    public static final String OPEN = "open";
    public static final String CLOSED = "closed";

    @Id
    public UUID id;
    /** The audit event of the disclosure under review: the idempotency key of the alert. */
    @Column(name = "audit_event_id")
    public UUID auditEventId;
    /** break-glass or self-claimed. */
    public String basis;
    @Column(name = "person_id")
    public UUID personId;
    @Column(name = "nhs_number")
    public String nhsNumber;
    @Column(name = "user_id")
    public String userId;
    @Column(name = "user_name")
    public String userName;
    public String role;
    @Column(name = "org_code")
    public String orgCode;
    public String reason;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    public String status;
    /** appropriate or inappropriate once closed; null while open. */
    public String outcome;
    /** The user id of the privacy officer who closed the review. */
    public String reviewer;
    @Column(name = "review_note")
    public String reviewNote;
    @Column(name = "reviewed_at")
    public Instant reviewedAt;
    /**
     * The review of the break glass this one continues: set when an access within that break glass's window came
     * after its review was closed. Null for a review that opens a break-glass window (or of a self-claim).
     */
    @Column(name = "continues_review_id")
    public UUID continuesReviewId;
}
