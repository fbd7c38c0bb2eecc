-- Bulk social care extracts (issue 6): one job per uploaded file, its progress, and one outcome per row.
-- Rejected rows are also kept as dead letters (one row each) for inspection and replay.
-- Versions are numbered across db/record and db/ingest.
CREATE TABLE ingest.bulk_job (
    id              uuid        PRIMARY KEY,
    source_org      text        NOT NULL,
    source_system   text        NOT NULL,
    format          text        NOT NULL,
    state           text        NOT NULL,
    bytes           bigint      NOT NULL,
    rows_read       bigint      NOT NULL DEFAULT 0,
    rows_accepted   bigint      NOT NULL DEFAULT 0,
    rows_rejected   bigint      NOT NULL DEFAULT 0,
    received_at     timestamptz NOT NULL,
    started_at      timestamptz,
    finished_at     timestamptz,
    error           text
);
CREATE INDEX bulk_job_by_source ON ingest.bulk_job (source_org, received_at DESC);

CREATE TABLE ingest.bulk_row (
    job_id          uuid        NOT NULL REFERENCES ingest.bulk_job (id) ON DELETE CASCADE,
    row_number      bigint      NOT NULL,
    outcome         text        NOT NULL,
    record_id       text,
    error           text,
    dead_letter_id  uuid,
    PRIMARY KEY (job_id, row_number)
);

GRANT SELECT, INSERT, UPDATE ON ingest.bulk_job TO ${runtime_role};
GRANT SELECT, INSERT, UPDATE ON ingest.bulk_row TO ${runtime_role};
