-- Events for other services when links change (issue 7): written by triggers in the very transaction that
-- changes a link or a merge, so no change can commit without its event and no event exists without its change.
-- An event gets its feed position only when the publisher (IdentityEventPublisher, one at a time under an
-- advisory lock) numbers the committed events in id order: a reader paging by position therefore never skips
-- an event that committed late, as a sequence taken at insert time could.
--   linked          a source identity became part of a person (a new active link, or a review decided "link")
--   pending-review  a source identity waits for a privacy officer (part of nobody meanwhile)
--   separated       a privacy officer rejected a link or separated a possible match
--   unlinked        an active link was retired (a corrected NHS number or demographics, a merge, an unmerge)
--   merged          a person was merged into another (merged_person_id points at the survivor)
--   unmerged        a merge was undone
CREATE TABLE identity_event (
    id                  bigserial   PRIMARY KEY,
    event_id            uuid        NOT NULL UNIQUE,
    type                text        NOT NULL CHECK (type IN ('linked', 'pending-review', 'separated', 'unlinked',
                                                             'merged', 'unmerged')),
    person_id           uuid        NOT NULL,
    other_person_id     uuid,
    source_identity_id  uuid,
    link_id             uuid,
    merge_id            uuid,
    occurred_at         timestamptz NOT NULL DEFAULT clock_timestamp(),
    position            bigint      UNIQUE
);
CREATE INDEX identity_event_unpublished ON identity_event (id) WHERE position IS NULL;
CREATE SEQUENCE identity_event_position;

CREATE FUNCTION identity_link_event() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    kind text;
BEGIN
    IF TG_OP = 'INSERT' OR NEW.state IS DISTINCT FROM OLD.state THEN
        kind := CASE
            WHEN NEW.state = 'active' THEN 'linked'
            WHEN NEW.state = 'pending-review' THEN 'pending-review'
            WHEN NEW.state = 'rejected' THEN 'separated'
            WHEN NEW.state = 'inactive' AND TG_OP = 'UPDATE' AND OLD.state = 'active' THEN 'unlinked'
        END;
        IF kind IS NOT NULL THEN
            INSERT INTO identity.identity_event (event_id, type, person_id, source_identity_id, link_id)
            VALUES (gen_random_uuid(), kind, NEW.person_id, NEW.source_identity_id, NEW.id);
        END IF;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER identity_link_event AFTER INSERT OR UPDATE OF state ON identity_link
    FOR EACH ROW EXECUTE FUNCTION identity_link_event();

CREATE FUNCTION person_merge_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO identity.identity_event (event_id, type, person_id, other_person_id, merge_id)
        VALUES (gen_random_uuid(), 'merged', NEW.merged_person_id, NEW.surviving_person_id, NEW.id);
    ELSIF OLD.unmerged_at IS NULL AND NEW.unmerged_at IS NOT NULL THEN
        INSERT INTO identity.identity_event (event_id, type, person_id, other_person_id, merge_id)
        VALUES (gen_random_uuid(), 'unmerged', NEW.merged_person_id, NEW.surviving_person_id, NEW.id);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER person_merge_event AFTER INSERT OR UPDATE OF unmerged_at ON person_merge
    FOR EACH ROW EXECUTE FUNCTION person_merge_event();

GRANT SELECT, INSERT, UPDATE ON identity_event TO ${runtime_role};
GRANT USAGE ON SEQUENCE identity_event_id_seq, identity_event_position TO ${runtime_role};
