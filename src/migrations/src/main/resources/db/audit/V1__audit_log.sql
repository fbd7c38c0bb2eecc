-- The append-only audit log. Each entry carries the hash of its predecessor, so any change, insertion
-- or removal inside the chain is found by verification. The runtime role may only INSERT and SELECT.
CREATE TABLE audit_entry (
    sequence            bigint      PRIMARY KEY,
    event_id            uuid        NOT NULL UNIQUE,
    occurred_at         timestamptz NOT NULL,
    recorded_at         timestamptz NOT NULL,
    action              text        NOT NULL,
    outcome             text        NOT NULL,
    actor_user_id       text        NOT NULL,
    actor_name          text,
    actor_role          text        NOT NULL,
    actor_org           text,
    actor_role_profile  text,
    actor_role_code     text,
    actor_client        text,
    purpose             text        NOT NULL,
    access_basis        text,
    break_glass_reason  text,
    subject_person_id   uuid,
    subject_nhs_number  text,
    categories          text,
    prev_hash           text        NOT NULL,
    hash                text        NOT NULL
);

CREATE INDEX audit_entry_by_nhs_number ON audit_entry (subject_nhs_number, sequence DESC);
CREATE INDEX audit_entry_by_person ON audit_entry (subject_person_id, sequence DESC);

GRANT USAGE ON SCHEMA audit TO ${runtime_role};
GRANT SELECT, INSERT ON audit_entry TO ${runtime_role};
