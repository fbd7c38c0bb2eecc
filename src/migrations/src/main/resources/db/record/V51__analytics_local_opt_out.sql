-- Issue 13: the national data opt-out list, kept once in the record schema for analytics, in place of the whole
-- list (up to about 2 million NHS numbers) sent as a parameter with every query.
--
-- 1. record-query reads the list from consent (its cache: kmcr.record.analytics-opt-out-cache) and identifies it by
--    a SHA-256 digest of its NHS numbers. A list not stored yet is stored once (analytics_store_opt_out, by
--    whichever record-query instance sees it first; the others find it by its digest: analytics_use_opt_out) and
--    made the list in force. A stored list's numbers never change; a superseded list is removed a day later.
-- 2. Each person of analytics_person carries opted_out: on the list in force. Making a list the one in force
--    recomputes the flags in the same transaction, so the next query applies it whole and no query pays for the
--    list's size; the trigger sets the flag of a Patient it indexes from the list in force.
-- 3. No person is left with a stale flag: making a list in force takes a SHARE lock on analytics_person before it
--    sets the flags (waiting for the ingest transactions that wrote it, holding back new writes until it commits),
--    and the trigger's write of a person takes its snapshot only once its own lock is granted (READ COMMITTED: a
--    snapshot per statement, after the statement's locks), so it reads the list in force after any change that
--    held it back.
-- record-query (${reader_role}) may still only SELECT tables; it writes these only through the two functions below,
-- which run as the schema owner and touch nothing else.

CREATE TABLE record.analytics_opt_out_list (
    version        bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    digest         text        NOT NULL UNIQUE CHECK (digest ~ '^[0-9a-f]{64}$'),
    list_date      date,                       -- consent's date of the list (null: no list was ever loaded)
    loaded_at      timestamptz,                -- when consent loaded it
    size           integer     NOT NULL,
    stored_at      timestamptz NOT NULL DEFAULT now(),
    superseded_at  timestamptz                 -- null while it is the list in force
);
-- at most one list in force
CREATE UNIQUE INDEX analytics_opt_out_list_in_force ON record.analytics_opt_out_list ((true))
    WHERE superseded_at IS NULL;

CREATE TABLE record.analytics_opt_out (
    version     bigint NOT NULL REFERENCES record.analytics_opt_out_list (version) ON DELETE CASCADE,
    nhs_number  text   NOT NULL,
    PRIMARY KEY (version, nhs_number)
);

ALTER TABLE record.analytics_person ADD COLUMN opted_out boolean NOT NULL DEFAULT false;

-- True when the NHS number is on the list in force.
CREATE FUNCTION record.analytics_opted_out(nhs text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = record, pg_temp AS $$
    SELECT nhs IS NOT NULL AND EXISTS (SELECT 1 FROM record.analytics_opt_out o
        JOIN record.analytics_opt_out_list l ON l.version = o.version
        WHERE l.superseded_at IS NULL AND o.nhs_number = nhs)
$$;

-- Makes a stored list the one in force and sets every person's flag from it (see 3. above).
CREATE FUNCTION record.analytics_put_opt_out_in_force(in_force bigint) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = record, pg_temp AS $$
BEGIN
    UPDATE record.analytics_opt_out_list SET superseded_at = now()
    WHERE version <> in_force AND superseded_at IS NULL;
    UPDATE record.analytics_opt_out_list SET superseded_at = NULL WHERE version = in_force;
    LOCK TABLE record.analytics_person IN SHARE MODE;
    UPDATE record.analytics_person p SET opted_out = false WHERE p.opted_out AND NOT EXISTS (
        SELECT 1 FROM record.analytics_opt_out o WHERE o.version = in_force AND o.nhs_number = p.nhs_number);
    UPDATE record.analytics_person p SET opted_out = true WHERE NOT p.opted_out AND EXISTS (
        SELECT 1 FROM record.analytics_opt_out o WHERE o.version = in_force AND o.nhs_number = p.nhs_number);
    DELETE FROM record.analytics_opt_out_list WHERE superseded_at < now() - interval '1 day';
END $$;

-- Makes the stored list with this digest the one in force (its date and load time as consent gives them now);
-- answers its version, null when no list with the digest is stored (then the caller stores it).
CREATE FUNCTION record.analytics_use_opt_out(list_digest text, list_date date, loaded_at timestamptz)
    RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = record, pg_temp AS $$
DECLARE
    found_version bigint;
    in_force boolean;
BEGIN
    -- one change of the list in force at a time (queries are not held back)
    LOCK TABLE record.analytics_opt_out_list IN SHARE ROW EXCLUSIVE MODE;
    SELECT l.version, l.superseded_at IS NULL INTO found_version, in_force
    FROM record.analytics_opt_out_list l WHERE l.digest = list_digest;
    IF found_version IS NULL THEN
        RETURN NULL;
    END IF;
    UPDATE record.analytics_opt_out_list l SET list_date = analytics_use_opt_out.list_date,
        loaded_at = analytics_use_opt_out.loaded_at WHERE l.version = found_version
        AND (l.list_date, l.loaded_at) IS DISTINCT FROM (analytics_use_opt_out.list_date,
            analytics_use_opt_out.loaded_at);
    IF NOT in_force THEN
        PERFORM record.analytics_put_opt_out_in_force(found_version);
    END IF;
    RETURN found_version;
END $$;

-- Stores a list whole (unless a list with the same digest is stored already) and makes it the one in force;
-- answers its version.
CREATE FUNCTION record.analytics_store_opt_out(list_digest text, list_date date, loaded_at timestamptz,
        nhs_numbers text[]) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = record, pg_temp AS $$
DECLARE
    stored bigint;
BEGIN
    stored := record.analytics_use_opt_out(list_digest, list_date, loaded_at);
    IF stored IS NOT NULL THEN
        RETURN stored;
    END IF;
    INSERT INTO record.analytics_opt_out_list (digest, list_date, loaded_at, size, superseded_at)
    VALUES (list_digest, list_date, loaded_at, coalesce(cardinality(nhs_numbers), 0), now())
    RETURNING version INTO stored;
    INSERT INTO record.analytics_opt_out (version, nhs_number)
    SELECT DISTINCT stored, n FROM unnest(nhs_numbers) n WHERE n IS NOT NULL;
    ANALYZE record.analytics_opt_out;
    PERFORM record.analytics_put_opt_out_in_force(stored);
    RETURN stored;
END $$;

-- V50's indexing of an item, now with the opted-out flag of a Patient's person (see 3. above).
CREATE OR REPLACE FUNCTION record.analytics_index(item record.care_item) RETURNS void
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
                birth_date, ethnicity, opted_out)
        VALUES (item.source_identity_id, coalesce(nhs, 'sid:' || item.source_identity_id), nhs,
                record.analytics_district(coalesce(
                    jsonb_path_query_first(item.resource, '$.address[*] ? (@.use == "home").postalCode') #>> '{}',
                    jsonb_path_query_first(item.resource, '$.address[*].postalCode') #>> '{}')),
                item.resource ->> 'gender',
                CASE WHEN birth ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN birth::date END,
                jsonb_path_query_first(item.resource, '$.extension[*] ? (@.url == '
                    '"https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-EthnicCategory")'
                    '.valueCodeableConcept.coding[0].code') #>> '{}',
                record.analytics_opted_out(nhs))
        ON CONFLICT (source_identity_id) DO UPDATE SET person_key = excluded.person_key,
            nhs_number = excluded.nhs_number, district = excluded.district, sex = excluded.sex,
            birth_date = excluded.birth_date, ethnicity = excluded.ethnicity, opted_out = excluded.opted_out;
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

REVOKE EXECUTE ON FUNCTION record.analytics_opted_out(text), record.analytics_put_opt_out_in_force(bigint),
    record.analytics_use_opt_out(text, date, timestamptz),
    record.analytics_store_opt_out(text, date, timestamptz, text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION record.analytics_use_opt_out(text, date, timestamptz),
    record.analytics_store_opt_out(text, date, timestamptz, text[]) TO ${reader_role};
GRANT SELECT ON record.analytics_opt_out_list, record.analytics_opt_out TO ${reader_role};
