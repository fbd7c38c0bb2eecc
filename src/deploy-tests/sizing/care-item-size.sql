-- How much a record.care_item row takes with its indexes, for docs/operations.md ("Running at 1.8 million persons").
-- Run on a throw-away database (not a KMCR one):  psql -d kmcr_sizing -v resources="$(jq -c '[.entry[].resource |
--   select(.resourceType != "Patient")]' src/ingest/src/test/resources/bundles/patient-summary.json)" -f this file
-- The table has the columns and indexes of db/record V1 and V4; the resources are taken in turn from the bundle.
CREATE TABLE care_item (
    id uuid PRIMARY KEY, source_identity_id uuid NOT NULL, category text NOT NULL, resource_type text NOT NULL,
    status text, code_system text, code text, display text, effective_at timestamptz, confidentiality text,
    source_org text NOT NULL, source_system text NOT NULL, source_id text NOT NULL, source_version text NOT NULL,
    content_hash text NOT NULL, recorded_at timestamptz, received_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL, version integer NOT NULL, resource jsonb NOT NULL,
    security_labels text[] NOT NULL DEFAULT '{}', source_updated_at timestamptz,
    CONSTRAINT care_item_source_key UNIQUE (source_org, source_system, resource_type, source_id));
CREATE INDEX care_item_by_identity ON care_item (source_identity_id, category, effective_at DESC NULLS LAST);
CREATE TEMP TABLE r AS
    SELECT ordinality - 1 AS n, value AS resource FROM jsonb_array_elements(:'resources'::jsonb) WITH ORDINALITY;
-- 500,000 items, 20 per source identity, from four sources
INSERT INTO care_item
SELECT gen_random_uuid(), md5((g / 20)::text)::uuid, (ARRAY['allergies', 'medications', 'problems'])[g % 3 + 1],
       r.resource ->> 'resourceType', 'active', 'http://snomed.info/sct', (100000 + g % 5000)::text,
       'Display text ' || (g % 5000), now() - (g % 3650) * interval '1 day', 'N',
       (ARRAY['RKM', 'K81001', 'RYJ', 'A81001'])[g % 4 + 1], 'partner-system-' || (g % 4), 'item-' || g, '1',
       md5(g::text), now(), now(), now(), 1, r.resource, '{}', now()
FROM generate_series(1, 500000) g JOIN r ON r.n = g % (SELECT count(*) FROM r);
ANALYZE care_item;
SELECT pg_table_size('care_item') / 1048576 AS heap_and_toast_mb, pg_indexes_size('care_item') / 1048576 AS indexes_mb,
       pg_total_relation_size('care_item') / (SELECT count(*) FROM care_item) AS bytes_per_row;
