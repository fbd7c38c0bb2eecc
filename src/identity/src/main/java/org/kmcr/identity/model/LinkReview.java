package org.kmcr.identity.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A privacy officer's task: a source identity whose NHS number names a person whose linked source identities
 * tell another story. Open until decided; the decision is never overwritten.
 */
@Entity
@Table(name = "link_review", schema = "identity")
public class LinkReview {

    /** The link is pending until the review is decided. */
    public static final String NEW_LINK = "new-link";
    /** The link was already active and stays so; the source's newest demographics contradict the person's. */
    public static final String EXISTING_LINK = "existing-link";
    /** The demographics score between the thresholds: the link to the best candidate person is pending. */
    public static final String POSSIBLE_MATCH = "possible-match";

    public static final String OPEN = "open";
    public static final String CLOSED = "closed";

    public static final String LINK = "link";
    public static final String REJECT = "reject";
    /** A possible match is another person: the source identity gets a person of its own. */
    public static final String SEPARATE = "separate";
    /** Not decided now: the review stays open, behind those not deferred. */
    public static final String DEFER = "defer";
    /** Closed without a decision: the source's own later data replaced the link first. */
    public static final String SUPERSEDED = "superseded";

    @Id
    public UUID id;
    @Column(name = "link_id")
    public UUID linkId;
    @Column(name = "source_identity_id")
    public UUID sourceIdentityId;
    @Column(name = "person_id")
    public UUID personId;
    public String kind;
    @JdbcTypeCode(SqlTypes.JSON)
    public ReviewEvidence evidence;
    @Column(name = "opened_at")
    public Instant openedAt;
    public String status;
    public String decision;
    /** The user id of the privacy officer who decided. */
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_by_name")
    public String decidedByName;
    @Column(name = "decision_note")
    public String decisionNote;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "deferred_by")
    public String deferredBy;
    @Column(name = "deferred_at")
    public Instant deferredAt;
    /** The match probability of a possible match; null for the other kinds. */
    public java.math.BigDecimal score;
}
