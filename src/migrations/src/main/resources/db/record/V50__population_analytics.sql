-- Issue 13: population analytics (secondary use). Versions are numbered across db/record and db/ingest.
--
-- 1. Measures are data: a measure is a row of analytics_measure and one or more rules that say which care items
--    count for it. A new measure is an INSERT here (or in a later migration), not new code.
-- 2. Aggregation is incremental: a trigger on care_item keeps, in the writing transaction, one row per item that
--    matches a measure (analytics_event) and one row of analytics demographics per source identity (from its
--    Patient item: NHS number for the opt-out and for counting people once, postcode district, sex, birth date,
--    ethnic category). A figure is therefore fresh as soon as the ingest transaction commits.
-- 3. record-query (${reader_role}) may only SELECT these tables; it never returns a row of them, only counts, after
--    the opt-out exclusion and the suppression rules (docs/security.md, "Population analytics").

CREATE TABLE record.analytics_measure (
    code         text    PRIMARY KEY CHECK (code ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    title        text    NOT NULL,
    description  text    NOT NULL,
    -- event: people with a matching item in the period asked for (by its effective day);
    -- current: people with a matching item now (the rules' statuses say what "now" is)
    kind         text    NOT NULL CHECK (kind IN ('event', 'current')),
    -- the record category consent must permit to analysts for the measure to be shown at all
    category     text    NOT NULL,
    sort_order   integer NOT NULL DEFAULT 100
);

-- An item counts for a measure when it matches any of the measure's rules; a rule's null column is no condition.
CREATE TABLE record.analytics_measure_rule (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    measure_code       text   NOT NULL REFERENCES record.analytics_measure (code) ON DELETE CASCADE,
    resource_type      text   NOT NULL,
    codes              text[],          -- care_item.code is one of these
    statuses           text[],          -- care_item.status is one of these
    resource_contains  jsonb            -- care_item.resource @> this (e.g. a value or an interpretation)
);
CREATE INDEX analytics_measure_rule_by_type ON record.analytics_measure_rule (resource_type);

-- Demographics of a source identity for analytics only, taken from its Patient item.
CREATE TABLE record.analytics_person (
    source_identity_id  uuid PRIMARY KEY,
    -- counts are of people: the NHS number when the source gave one, else the source identity
    person_key          text NOT NULL,
    nhs_number          text,
    district            text,   -- postcode district (outward code), e.g. KM1
    sex                 text,   -- FHIR administrative gender
    birth_date          date,
    ethnicity           text    -- UK Core ethnic category code, when the source sent one
);
CREATE INDEX analytics_person_by_district ON record.analytics_person (district);

CREATE TABLE record.analytics_event (
    measure_code        text NOT NULL REFERENCES record.analytics_measure (code) ON DELETE CASCADE,
    item_id             uuid NOT NULL,
    source_identity_id  uuid NOT NULL,
    day                 date NOT NULL,  -- the item's effective day (UTC), else the day it was received
    site                text NOT NULL,  -- the organisation that holds the item (for inpatients: the trust)
    PRIMARY KEY (measure_code, day, item_id)
);
CREATE INDEX analytics_event_by_item ON record.analytics_event (item_id);

-- A trimmed postcode's outward code: 'KM1 2AB', 'km12ab' -> 'KM1'; null when it is not a UK postcode's shape.
CREATE FUNCTION record.analytics_district(postcode text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN p ~ '^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$' THEN left(p, length(p) - 3) END
    FROM (SELECT upper(regexp_replace(coalesce(postcode, ''), '\s', '', 'g')) AS p) normalised
$$;

-- Re-indexes one care item for analytics. Lax JSON paths and guarded casts: whatever a source sent, this never
-- fails the ingest transaction (a malformed birth date is simply not used).
CREATE FUNCTION record.analytics_index(item record.care_item) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = record, pg_temp AS $$
DECLARE
    nhs text;
    birth text;
BEGIN
    IF item.resource_type = 'Patient' THEN
        nhs := jsonb_path_query_first(item.resource,
                '$.identifier[*] ? (@.system == "https://fhir.nhs.uk/Id/nhs-number").value') #>> '{}';
        IF nhs !~ '^[0-9]{10}$' THEN
            nhs := NULL;
        END IF;
        birth := item.resource ->> 'birthDate';
        INSERT INTO record.analytics_person AS p (source_identity_id, person_key, nhs_number, district, sex,
                birth_date, ethnicity)
        VALUES (item.source_identity_id, coalesce(nhs, 'sid:' || item.source_identity_id), nhs,
                record.analytics_district(coalesce(
                    jsonb_path_query_first(item.resource, '$.address[*] ? (@.use == "home").postalCode') #>> '{}',
                    jsonb_path_query_first(item.resource, '$.address[*].postalCode') #>> '{}')),
                item.resource ->> 'gender',
                CASE WHEN birth ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN birth::date END,
                jsonb_path_query_first(item.resource, '$.extension[*] ? (@.url == '
                    '"https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-EthnicCategory")'
                    '.valueCodeableConcept.coding[0].code') #>> '{}')
        ON CONFLICT (source_identity_id) DO UPDATE SET person_key = excluded.person_key,
            nhs_number = excluded.nhs_number, district = excluded.district, sex = excluded.sex,
            birth_date = excluded.birth_date, ethnicity = excluded.ethnicity;
        RETURN;
    END IF;
    INSERT INTO record.analytics_event (measure_code, item_id, source_identity_id, day, site)
    SELECT DISTINCT r.measure_code, item.id, item.source_identity_id,
           (coalesce(item.effective_at, item.received_at) AT TIME ZONE 'UTC')::date, item.source_org
    FROM record.analytics_measure_rule r
    WHERE r.resource_type = item.resource_type
      AND (r.codes IS NULL OR item.code = ANY (r.codes))
      AND (r.statuses IS NULL OR item.status = ANY (r.statuses))
      AND (r.resource_contains IS NULL OR item.resource @> r.resource_contains)
    ON CONFLICT DO NOTHING;
END $$;

CREATE FUNCTION record.analytics_item_changed() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = record, pg_temp AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        DELETE FROM record.analytics_event WHERE item_id = OLD.id;
        IF OLD.resource_type = 'Patient' AND (TG_OP = 'DELETE' OR NEW.resource_type <> 'Patient') THEN
            DELETE FROM record.analytics_person WHERE source_identity_id = OLD.source_identity_id;
        END IF;
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    PERFORM record.analytics_index(NEW);
    RETURN NEW;
END $$;

CREATE TRIGGER care_item_analytics AFTER INSERT OR UPDATE OR DELETE ON record.care_item
    FOR EACH ROW EXECUTE FUNCTION record.analytics_item_changed();

-- The measures of issue 13. Codes: those ingest's category rules treat as infections (CategoryRules) and the
-- ORU results (OBX-5 as a coded or a string value, OBX-8 abnormal flags as interpretations).
INSERT INTO record.analytics_measure (code, title, description, kind, category, sort_order) VALUES
    ('covid-tested', 'People tested for COVID-19', 'People with a SARS-CoV-2 test result (RNA or antigen, detected '
        || 'or not) in the period.', 'event', 'infection-status', 10),
    ('covid-positive', 'People testing positive for COVID-19', 'People with a positive SARS-CoV-2 result or a '
        || 'COVID-19 diagnosis in the period.', 'event', 'infection-status', 20),
    ('influenza-diagnosed', 'People diagnosed with influenza', 'People with an influenza diagnosis in the period.',
        'event', 'infection-status', 30),
    ('inpatients', 'Current inpatients', 'People in hospital now: an inpatient encounter in progress.', 'current',
        'encounters', 40),
    ('care-home-residents', 'People in care homes', 'People recorded as living in a care home (nursing or '
        || 'residential).', 'current', 'conditions', 50),
    ('care-packages', 'People with care packages', 'People with an active social care package.', 'current',
        'social-care', 60);

INSERT INTO record.analytics_measure_rule (measure_code, resource_type, codes, statuses, resource_contains) VALUES
    ('covid-tested', 'Observation', ARRAY['1240581000000104', '1240591000000102', '1324601000000106',
        '871562009', '94500-6', '94531-1', '94558-4', '95209-3'], ARRAY['final', 'amended', 'corrected'], NULL),
    ('covid-positive', 'Observation', ARRAY['1240581000000104', '1324601000000106', '871562009'],
        ARRAY['final', 'amended', 'corrected'], NULL),
    ('covid-positive', 'Observation', ARRAY['94500-6', '94531-1', '94558-4', '95209-3'],
        ARRAY['final', 'amended', 'corrected'], '{"valueCodeableConcept":{"coding":[{"code":"260373001"}]}}'),
    ('covid-positive', 'Observation', ARRAY['94500-6', '94531-1', '94558-4', '95209-3'],
        ARRAY['final', 'amended', 'corrected'], '{"valueString":"Detected"}'),
    ('covid-positive', 'Observation', ARRAY['94500-6', '94531-1', '94558-4', '95209-3'],
        ARRAY['final', 'amended', 'corrected'], '{"interpretation":[{"coding":[{"code":"POS"}]}]}'),
    ('covid-positive', 'Condition', ARRAY['840539006'], NULL, NULL),
    ('influenza-diagnosed', 'Condition', ARRAY['6142004'], NULL, NULL),
    ('inpatients', 'Encounter', ARRAY['IMP', 'ACUTE', 'NONAC'], ARRAY['in-progress'], NULL),
    ('care-home-residents', 'Condition', ARRAY['160734000', '248171000000108', '394923006'], ARRAY['active'], NULL),
    ('care-packages', 'CarePlan', NULL, NULL,
        '{"status":"active","category":[{"coding":[{"code":"735324008"}]}]}');

-- Items stored before this migration.
SELECT record.analytics_index(c) FROM record.care_item c WHERE c.resource_type = 'Patient';
SELECT record.analytics_index(c) FROM record.care_item c
WHERE c.resource_type IN (SELECT resource_type FROM record.analytics_measure_rule);

-- The functions run as the schema owner: nobody else may call them (a trigger's function is not checked when the
-- trigger fires, so ingest's writes still index), or a read-only role could write aggregates through them.
REVOKE EXECUTE ON FUNCTION record.analytics_index(record.care_item), record.analytics_item_changed() FROM PUBLIC;

GRANT SELECT ON record.analytics_measure, record.analytics_measure_rule, record.analytics_person,
    record.analytics_event TO ${reader_role};
