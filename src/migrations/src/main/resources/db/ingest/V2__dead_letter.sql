-- Submissions that could not be processed: kept whole, with the reason, until replayed or resolved.
-- Versions are numbered across db/record and db/ingest (see application.properties).
CREATE TABLE ingest.dead_letter (
    id              uuid        PRIMARY KEY,
    received_at     timestamptz NOT NULL,
    source_org      text        NOT NULL,
    source_system   text        NOT NULL,
    content_type    text        NOT NULL,
    payload         text        NOT NULL,
    status          integer     NOT NULL,
    error           text        NOT NULL,
    state           text        NOT NULL,
    attempts        integer     NOT NULL,
    last_attempt_at timestamptz NOT NULL
);

CREATE INDEX dead_letter_by_source ON ingest.dead_letter (source_org, state, received_at DESC);

GRANT USAGE ON SCHEMA ingest TO ${runtime_role};
GRANT SELECT, INSERT, UPDATE ON ingest.dead_letter TO ${runtime_role};
