package org.kmcr.audit.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One committed entry of the audit chain. Never updated or deleted (the database role cannot). */
@Entity
@Table(name = "audit_entry", schema = "audit")
public class AuditEntry {

    @Id
    public long sequence;
    @Column(name = "event_id")
    public UUID eventId;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    @Column(name = "recorded_at")
    public Instant recordedAt;
    public String action;
    public String outcome;
    @Column(name = "actor_user_id")
    public String actorUserId;
    @Column(name = "actor_name")
    public String actorName;
    @Column(name = "actor_role")
    public String actorRole;
    @Column(name = "actor_org")
    public String actorOrg;
    @Column(name = "actor_role_profile")
    public String actorRoleProfile;
    @Column(name = "actor_role_code")
    public String actorRoleCode;
    @Column(name = "actor_client")
    public String actorClient;
    public String purpose;
    @Column(name = "access_basis")
    public String accessBasis;
    @Column(name = "break_glass_reason")
    public String breakGlassReason;
    @Column(name = "subject_person_id")
    public UUID subjectPersonId;
    @Column(name = "subject_nhs_number")
    public String subjectNhsNumber;
    /** Comma-separated record categories disclosed. */
    public String categories;
    @Column(name = "prev_hash")
    public String prevHash;
    public String hash;
}
