package org.kmcr.identity.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The decision that a source identity belongs to a person, with how it was made (method, score and the
 * evidence per field) and its state. Only an {@link #ACTIVE} link makes the source identity part of the person.
 * A source identity has at most one current link (any state but {@link #INACTIVE}); replaced links become
 * inactive, never deleted, so every decision stays explainable.
 */
@Entity
@Table(name = "identity_link", schema = "identity")
public class IdentityLink {

    /** The source identity is part of the person. */
    public static final String ACTIVE = "active";
    /** Waiting for a privacy officer (see {@link LinkReview}); the source identity is part of nobody. */
    public static final String PENDING_REVIEW = "pending-review";
    /** A privacy officer rejected the link; the source identity is part of nobody. */
    public static final String REJECTED = "rejected";
    /** Replaced by a later link; kept as history. */
    public static final String INACTIVE = "inactive";

    /** Made by the matcher, not a person. */
    public static final String MATCHER = "matcher";
    /** Made because the source itself merged two of its patient ids. */
    public static final String SOURCE = "source";

    @Id
    public UUID id;
    @Column(name = "source_identity_id")
    public UUID sourceIdentityId;
    @Column(name = "person_id")
    public UUID personId;
    public String method;
    public BigDecimal score;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> evidence;
    public String state;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "deactivated_at")
    public Instant deactivatedAt;
    /** {@link #MATCHER}, a privacy officer's user id, or {@link #SOURCE} for a source's own merge. */
    @Column(name = "decided_by")
    public String decidedBy;
    /** The person merge that made this link, if one did. */
    @Column(name = "made_by_merge")
    public UUID madeByMerge;
    /** The person merge that retired this link, if one did. */
    @Column(name = "retired_by_merge")
    public UUID retiredByMerge;
}
