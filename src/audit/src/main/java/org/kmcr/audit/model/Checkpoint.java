package org.kmcr.audit.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A signed statement that at {@code signedAt} the audit log had {@code sequence} entries, the Merkle tree of them
 * had root {@code rootHash}, and the newest entry had hash {@code headHash}. Never updated or deleted (the
 * database role cannot). Checkpoints signed before the tree existed have no root (text version 1).
 */
@Entity
@Table(name = "checkpoint", schema = "audit")
public class Checkpoint {

    @Id
    public long sequence;
    @Column(name = "head_hash")
    public String headHash;
    /** Hex Merkle tree root of the first {@code sequence} entries; null on a version 1 checkpoint. */
    @Column(name = "root_hash")
    public String rootHash;
    @Column(name = "signed_at")
    public Instant signedAt;
    /** Identifies the public key that verifies the signature. */
    @Column(name = "key_id")
    public String keyId;
    /** Base64 Ed25519 signature over the checkpoint's signed text. */
    public String signature;
}
