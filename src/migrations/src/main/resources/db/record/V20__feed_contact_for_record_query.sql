-- Issue 9: record-query shows, per source of a person's items, the feed's last contact and whether it is stale.
-- Feed health lives in schema ingest, which record-query's role (${reader_role}) cannot read. Rather than grant it
-- ingest's tables (message ids, counts, dead letters), this view, owned by the schema owner, exposes only each
-- source's time of last accepted message; the reader may SELECT the view and nothing else of ingest.
-- Versions are numbered across db/record and db/ingest.
CREATE VIEW record.feed_contact AS
    SELECT source_org, source_system, max(received_at) AS last_contact
    FROM ingest.accepted_message
    GROUP BY source_org, source_system;

GRANT SELECT ON record.feed_contact TO ${reader_role};
