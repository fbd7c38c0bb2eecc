-- The audit log, range-partitioned by month of recorded_at, so that retention drops whole months (as the owner,
-- by the retention job; the runtime role can neither drop nor delete). A partitioned table's keys must include the
-- partition column: the primary key becomes (sequence, recorded_at), and the uniqueness of sequence and event id
-- is kept by the service's single writer under the log lock, and checked by verification (a second row with a
-- sequence breaks the chain and the tree). A DEFAULT partition takes any row whose month has no partition yet, so
-- an append never fails for want of one; the retention job creates the coming months ahead and moves such rows.
ALTER TABLE audit_entry RENAME TO audit_entry_before_partitions;
ALTER TABLE audit_entry_before_partitions RENAME CONSTRAINT audit_entry_pkey TO audit_entry_before_partitions_pkey;
ALTER TABLE audit_entry_before_partitions RENAME CONSTRAINT audit_entry_event_id_key
    TO audit_entry_before_partitions_event_id_key;
DROP INDEX audit_entry_by_nhs_number;
DROP INDEX audit_entry_by_person;

CREATE TABLE audit_entry (
    sequence            bigint      NOT NULL,
    event_id            uuid        NOT NULL,
    occurred_at         timestamptz NOT NULL,
    recorded_at         timestamptz NOT NULL,
    action              text        NOT NULL,
    outcome             text        NOT NULL,
    actor_user_id       text        NOT NULL,
    actor_name          text,
    actor_role          text        NOT NULL,
    actor_org           text,
    actor_role_profile  text,
    actor_role_code     text,
    actor_client        text,
    purpose             text        NOT NULL,
    access_basis        text,
    break_glass_reason  text,
    subject_person_id   uuid,
    subject_nhs_number  text,
    categories          text,
    prev_hash           text        NOT NULL,
    hash                text        NOT NULL,
    PRIMARY KEY (sequence, recorded_at)
) PARTITION BY RANGE (recorded_at);

CREATE INDEX audit_entry_by_event_id ON audit_entry (event_id);
CREATE INDEX audit_entry_by_nhs_number ON audit_entry (subject_nhs_number, sequence DESC);
CREATE INDEX audit_entry_by_person ON audit_entry (subject_person_id, sequence DESC);
CREATE INDEX audit_entry_by_actor ON audit_entry (actor_user_id, occurred_at);
CREATE TABLE audit_entry_default PARTITION OF audit_entry DEFAULT;

-- The partition of one month (UTC), named audit_entry_YYYY_MM; rows of that month waiting in the DEFAULT partition
-- move into it. Run by the owner only (the migration step and the retention job). True when it was created.
CREATE FUNCTION ensure_month_partition(month date) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
    first_day date := date_trunc('month', month)::date;
    next_first_day date := (date_trunc('month', month) + interval '1 month')::date;
    name text := 'audit_entry_' || to_char(first_day, 'YYYY_MM');
    lower_bound text := first_day::text || ' 00:00:00+00';
    upper_bound text := next_first_day::text || ' 00:00:00+00';
BEGIN
    IF to_regclass('audit.' || name) IS NOT NULL THEN
        RETURN false;
    END IF;
    EXECUTE format('CREATE TABLE audit.%I (LIKE audit.audit_entry INCLUDING DEFAULTS)', name);
    EXECUTE format('WITH moved AS (DELETE FROM audit.audit_entry_default WHERE recorded_at >= %L AND recorded_at < %L '
        'RETURNING *) INSERT INTO audit.%I SELECT * FROM moved', lower_bound, upper_bound, name);
    EXECUTE format('ALTER TABLE audit.audit_entry ATTACH PARTITION audit.%I FOR VALUES FROM (%L) TO (%L)',
        name, lower_bound, upper_bound);
    RETURN true;
END $$;

-- a partition for every month of the entries so far, and for this month and the next two
SELECT ensure_month_partition(month::date)
FROM generate_series(
    date_trunc('month', coalesce((SELECT min(recorded_at) FROM audit_entry_before_partitions), now()) AT TIME ZONE 'UTC'),
    date_trunc('month', now() AT TIME ZONE 'UTC') + interval '2 months',
    interval '1 month') AS month;

INSERT INTO audit_entry SELECT * FROM audit_entry_before_partitions;
DROP TABLE audit_entry_before_partitions;

GRANT SELECT, INSERT ON audit_entry TO ${runtime_role};
