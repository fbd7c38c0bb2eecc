package org.kmcr.audit.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A signed statement that the audit chain's entry at {@code sequence} had hash {@code headHash} at
 * {@code signedAt}. Never updated or deleted (the database role cannot).
 */
@Entity
@Table(name = "checkpoint", schema = "audit")
public class Checkpoint {

    @Id
    public long sequence;
    @Column(name = "head_hash")
    public String headHash;
    @Column(name = "signed_at")
    public Instant signedAt;
    /** Identifies the public key that verifies the signature. */
    @Column(name = "key_id")
    public String keyId;
    /** Base64 Ed25519 signature over the checkpoint's signed text. */
    public String signature;
}
