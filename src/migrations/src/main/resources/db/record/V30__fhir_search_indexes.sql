-- Issue 9, the FHIR API of record-query: a search page, in the order it is asked for, is one index range scan per
-- source identity, read from the front and stopped after the page (keyset paging), however large the record.
-- Versions are numbered across db/record and db/ingest.

-- a search on one type, recent first (or oldest first, the same index read backwards)
CREATE INDEX IF NOT EXISTS care_item_fhir_by_type ON record.care_item
    (source_identity_id, resource_type, effective_at DESC NULLS LAST, id DESC);

-- $everything: every type, recent first
CREATE INDEX IF NOT EXISTS care_item_fhir_by_date ON record.care_item (source_identity_id, effective_at DESC NULLS LAST, id DESC);

-- _sort=_lastUpdated and $everything's _since: by when KMCR last changed the item
CREATE INDEX IF NOT EXISTS care_item_fhir_by_update ON record.care_item (source_identity_id, updated_at DESC, id DESC);

-- a FHIR read of an item its source removed answers 410 Gone: record-query reads the fact of the removal (never
-- any content; the table holds none)
GRANT SELECT ON record.removed_item TO ${reader_role};
