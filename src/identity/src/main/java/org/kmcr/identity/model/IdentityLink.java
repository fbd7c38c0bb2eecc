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
 * evidence per field). Replaced links are deactivated, never deleted, so every decision stays explainable.
 */
@Entity
@Table(name = "identity_link", schema = "identity")
public class IdentityLink {

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
    public boolean active;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "deactivated_at")
    public Instant deactivatedAt;
}
