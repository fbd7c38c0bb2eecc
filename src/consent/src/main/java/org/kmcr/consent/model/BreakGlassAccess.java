package org.kmcr.consent.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An access a professional made within the window of their break glass, after the first: it joins the review of
 * that break glass (or of its continuation), so the privacy officer judges every access the break glass led to.
 */
@Entity
@Table(name = "break_glass_access", schema = "consent")
public class BreakGlassAccess {

    /** The audit event of the access: the idempotency key of its alert. */
    @Id
    @Column(name = "audit_event_id")
    public UUID auditEventId;
    @Column(name = "review_id")
    public UUID reviewId;
    @Column(name = "occurred_at")
    public Instant occurredAt;
}
