-- Issue 9: a person's items are read recent first in bounded windows (summary: the newest of each category;
-- timeline: keyset pages). Items without a time sort last ('-infinity'), and the id breaks ties, so that a page
-- boundary is one exact position: (source identity, category, time, id) is one index range scan. This replaces
-- V1's index on (source_identity_id, category, effective_at DESC NULLS LAST), whose prefix it keeps.
-- Versions are numbered across db/record and db/ingest.
CREATE INDEX care_item_recent_first ON record.care_item
    (source_identity_id, category, (coalesce(effective_at, '-infinity'::timestamptz)) DESC, id DESC);
DROP INDEX record.care_item_by_identity;
