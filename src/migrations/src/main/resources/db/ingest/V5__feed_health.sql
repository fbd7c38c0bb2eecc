-- Feed health (issue 6): one row per message a feed accepted, written in the same transaction as its items, so
-- the counts are exact. Rejected messages are the dead letters. Rows older than 8 days are pruned by ingest.
-- Versions are numbered across db/record and db/ingest.
CREATE TABLE ingest.accepted_message (
    id              uuid        PRIMARY KEY,
    source_org      text        NOT NULL,
    source_system   text        NOT NULL,
    feed            text        NOT NULL,
    received_at     timestamptz NOT NULL
);
CREATE INDEX accepted_message_by_source ON ingest.accepted_message (source_org, source_system, feed, received_at);
CREATE INDEX accepted_message_by_time ON ingest.accepted_message (received_at);
CREATE INDEX dead_letter_by_source_time ON ingest.dead_letter (source_org, source_system, received_at);

GRANT SELECT, INSERT, DELETE ON ingest.accepted_message TO ${runtime_role};
