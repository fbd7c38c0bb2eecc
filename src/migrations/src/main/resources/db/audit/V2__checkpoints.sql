-- Signed checkpoints of the chain head: (sequence, head hash, time) signed with the audit service's Ed25519
-- key. Deleting the newest entries, or rewriting entries and recomputing the later hashes, leaves the chain
-- self-consistent but no longer matching a checkpoint. No foreign key: a checkpoint must outlive the
-- entries it covers. The runtime role may only INSERT and SELECT, exactly as on audit_entry.
CREATE TABLE checkpoint (
    sequence   bigint      PRIMARY KEY,
    head_hash  text        NOT NULL,
    signed_at  timestamptz NOT NULL,
    key_id     text        NOT NULL,
    signature  text        NOT NULL
);

GRANT SELECT, INSERT ON checkpoint TO ${runtime_role};
