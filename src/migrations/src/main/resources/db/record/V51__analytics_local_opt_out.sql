-- Issue 13: the national data opt-out list, kept once in the record schema for analytics, in place of the whole
-- list (up to about 2 million NHS numbers) sent as a parameter with every query.
--
-- record-query reads the list from consent (its cache: kmcr.record.analytics-opt-out-cache) and identifies it by a
-- SHA-256 digest of its NHS numbers. A list not stored yet is stored once, by one call of
-- analytics_store_opt_out (whichever record-query instance sees it first; the others find it by its digest); a
-- query then names the stored version it applies, so one query applies exactly one whole list. Storing a new list
-- never changes the rows of an earlier one: a query already running keeps the list it started with, the next query
-- uses the new one. A superseded list is removed a day later (no query holds a version that long).
--
-- record-query (${reader_role}) may still only SELECT tables; it writes these two only through the two functions
-- below, which run as the schema owner and touch nothing else.

CREATE TABLE record.analytics_opt_out_list (
    version        bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    digest         text        NOT NULL UNIQUE CHECK (digest ~ '^[0-9a-f]{64}$'),
    list_date      date,                       -- consent's date of the list (null: no list was ever loaded)
    loaded_at      timestamptz,                -- when consent loaded it
    size           integer     NOT NULL,
    stored_at      timestamptz NOT NULL DEFAULT now(),
    superseded_at  timestamptz                 -- null while it is the list in force
);

CREATE TABLE record.analytics_opt_out (
    version     bigint NOT NULL REFERENCES record.analytics_opt_out_list (version) ON DELETE CASCADE,
    nhs_number  text   NOT NULL,
    PRIMARY KEY (version, nhs_number)
);

-- Makes an already stored list (found by its digest) the one in force; answers its version, null when it is not
-- stored (then the caller stores it with analytics_store_opt_out).
CREATE FUNCTION record.analytics_use_opt_out(list_digest text) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = record, pg_temp AS $$
DECLARE
    found_version bigint;
BEGIN
    -- one change of the list in force at a time (readers are not blocked)
    LOCK TABLE record.analytics_opt_out_list IN SHARE ROW EXCLUSIVE MODE;
    SELECT l.version INTO found_version FROM record.analytics_opt_out_list l WHERE l.digest = list_digest;
    IF found_version IS NULL THEN
        RETURN NULL;
    END IF;
    UPDATE record.analytics_opt_out_list SET superseded_at = NULL
    WHERE version = found_version AND superseded_at IS NOT NULL;
    UPDATE record.analytics_opt_out_list SET superseded_at = now()
    WHERE version <> found_version AND superseded_at IS NULL;
    RETURN found_version;
END $$;

-- Stores a list whole (unless a list of the same digest is stored already) and makes it the one in force; answers
-- its version. Lists superseded more than a day ago are removed.
CREATE FUNCTION record.analytics_store_opt_out(list_digest text, list_date date, loaded_at timestamptz,
        nhs_numbers text[]) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = record, pg_temp AS $$
DECLARE
    stored bigint;
BEGIN
    stored := record.analytics_use_opt_out(list_digest);
    IF stored IS NOT NULL THEN
        RETURN stored;
    END IF;
    INSERT INTO record.analytics_opt_out_list (digest, list_date, loaded_at, size)
    VALUES (list_digest, list_date, loaded_at, coalesce(cardinality(nhs_numbers), 0))
    RETURNING version INTO stored;
    INSERT INTO record.analytics_opt_out (version, nhs_number)
    SELECT DISTINCT stored, n FROM unnest(nhs_numbers) n WHERE n IS NOT NULL;
    UPDATE record.analytics_opt_out_list SET superseded_at = now() WHERE version <> stored AND superseded_at IS NULL;
    DELETE FROM record.analytics_opt_out_list WHERE superseded_at < now() - interval '1 day';
    ANALYZE record.analytics_opt_out;
    RETURN stored;
END $$;

REVOKE EXECUTE ON FUNCTION record.analytics_use_opt_out(text),
    record.analytics_store_opt_out(text, date, timestamptz, text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION record.analytics_use_opt_out(text),
    record.analytics_store_opt_out(text, date, timestamptz, text[]) TO ${reader_role};
GRANT SELECT ON record.analytics_opt_out_list, record.analytics_opt_out TO ${reader_role};
