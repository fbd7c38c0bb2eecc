package org.kmcr.identity.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A patient as one source system knows them. Care items point here, never at a person. */
@Entity
@Table(name = "source_identity", schema = "identity")
public class SourceIdentity {

    @Id
    public UUID id;
    @Column(name = "source_org")
    public String sourceOrg;
    @Column(name = "source_system")
    public String sourceSystem;
    @Column(name = "local_id")
    public String localId;
    @Column(name = "nhs_number")
    public String nhsNumber;
    @JdbcTypeCode(SqlTypes.JSON)
    public Demographics demographics;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
