-- Privacy-officer alerts on access patterns found in the log (one user opening many records in an hour, access
-- outside working hours), and their reviews. Break-glass and self-claimed reviews stay with consent. Both tables
-- are append-only for the runtime role, like the log: an alert is open until a review of it is recorded, and a
-- later review supersedes an earlier one. pattern_scan records how far the log has been scanned.
CREATE TABLE pattern_alert (
    id                  uuid        PRIMARY KEY,
    kind                text        NOT NULL,
    actor_user_id       text        NOT NULL,
    actor_name          text,
    actor_org           text,
    subject_nhs_number  text,
    first_sequence      bigint      NOT NULL,
    last_sequence       bigint      NOT NULL,
    occurred_from       timestamptz NOT NULL,
    occurred_to         timestamptz NOT NULL,
    detail              text        NOT NULL,
    raised_at           timestamptz NOT NULL
);
CREATE INDEX pattern_alert_by_actor ON pattern_alert (actor_user_id, kind, occurred_to);

CREATE TABLE pattern_alert_review (
    alert_id          uuid        NOT NULL REFERENCES pattern_alert (id),
    outcome           text        NOT NULL,
    note              text,
    reviewer_user_id  text        NOT NULL,
    reviewer_name     text,
    reviewed_at       timestamptz NOT NULL,
    PRIMARY KEY (alert_id, reviewed_at)
);

CREATE TABLE pattern_scan (
    scanned_through  bigint      PRIMARY KEY,
    scanned_at       timestamptz NOT NULL
);

GRANT SELECT, INSERT ON pattern_alert, pattern_alert_review, pattern_scan TO ${runtime_role};
