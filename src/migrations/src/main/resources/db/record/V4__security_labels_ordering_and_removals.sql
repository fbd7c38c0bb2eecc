-- Issue 6: every record category arrives, and with it what the policy engine needs and what ordering needs.
-- Versions are numbered across db/record and db/ingest.

-- Every meta.security coding of the item as the source sent it, as 'system|code' (confidentiality N/R/V stays
-- in its own column); the consent policy engine reads them (not-for-patient-view, sensitive categories).
ALTER TABLE record.care_item ADD COLUMN security_labels text[] NOT NULL DEFAULT '{}';

-- The source's own time for this version of the item (FHIR meta.lastUpdated, HL7 v2 EVN-2/MSH-7): a delivery
-- older than what is stored never overwrites it. Null when the source gives none (then the last delivery wins).
ALTER TABLE record.care_item ADD COLUMN source_updated_at timestamptz;

-- A source removed an item (entered in error, deleted, an HL7 v2 cancel): the item goes from the record and
-- only the fact that it existed and was removed is kept, without its content.
CREATE TABLE record.removed_item (
    id                  uuid        PRIMARY KEY,
    source_identity_id  uuid        NOT NULL,
    category            text        NOT NULL,
    resource_type       text        NOT NULL,
    source_org          text        NOT NULL,
    source_system       text        NOT NULL,
    source_id           text        NOT NULL,
    removed_at          timestamptz NOT NULL,
    reason              text        NOT NULL,
    source_message      text        NOT NULL
);
CREATE INDEX removed_item_by_identity ON record.removed_item (source_identity_id);

GRANT DELETE ON record.care_item TO ${runtime_role};
GRANT SELECT, INSERT ON record.removed_item TO ${runtime_role};
