-- The care record: one row per item a source holds, in its FHIR (UK Core) form plus the columns queries
-- need. Items belong to source identities, not persons: the MPI links identities to persons, so a merge
-- or unmerge never rewrites an item. Written only by ingest (${runtime_role}); read by record-query
-- (${reader_role}), which may only SELECT.
CREATE TABLE record.care_item (
    id                  uuid        PRIMARY KEY,
    source_identity_id  uuid        NOT NULL,
    category            text        NOT NULL,
    resource_type       text        NOT NULL,
    status              text,
    code_system         text,
    code                text,
    display             text,
    effective_at        timestamptz,
    confidentiality     text,
    source_org          text        NOT NULL,
    source_system       text        NOT NULL,
    source_id           text        NOT NULL,
    source_version      text        NOT NULL,
    content_hash        text        NOT NULL,
    recorded_at         timestamptz,
    received_at         timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    version             integer     NOT NULL,
    resource            jsonb       NOT NULL,
    CONSTRAINT care_item_source_key UNIQUE (source_org, source_system, resource_type, source_id)
);

-- a summary is one range scan per source identity
CREATE INDEX care_item_by_identity ON record.care_item (source_identity_id, category, effective_at DESC NULLS LAST);

GRANT USAGE ON SCHEMA record TO ${runtime_role}, ${reader_role};
GRANT SELECT, INSERT, UPDATE ON record.care_item TO ${runtime_role};
GRANT SELECT ON record.care_item TO ${reader_role};
