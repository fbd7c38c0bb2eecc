-- A valid NHS number alone no longer links: when the source's demographics contradict those of the person's
-- linked source identities, the link waits for a privacy officer. A link therefore has a state:
--   active          the source identity is part of the person (its items are in the person's record)
--   pending-review  a review is open; the source identity is part of nobody until it is decided
--   rejected        a privacy officer rejected it; part of nobody until the source corrects its data
--   inactive        replaced by a later link (a corrected NHS number, corrected demographics); history only
-- A source identity has at most one current (not inactive) link. Links are still never deleted.

ALTER TABLE identity_link ADD COLUMN state text;
UPDATE identity_link SET state = CASE WHEN active THEN 'active' ELSE 'inactive' END;
ALTER TABLE identity_link ALTER COLUMN state SET NOT NULL;
ALTER TABLE identity_link ADD CONSTRAINT identity_link_state
    CHECK (state IN ('active', 'pending-review', 'rejected', 'inactive'));
ALTER TABLE identity_link DROP CONSTRAINT identity_link_check;
ALTER TABLE identity_link ADD CONSTRAINT identity_link_ended_when_inactive
    CHECK ((state = 'inactive') = (deactivated_at IS NOT NULL));

DROP INDEX identity_link_one_active;
DROP INDEX identity_link_active_by_person;
ALTER TABLE identity_link DROP COLUMN active;
CREATE UNIQUE INDEX identity_link_one_current ON identity_link (source_identity_id) WHERE state <> 'inactive';
CREATE INDEX identity_link_active_by_person ON identity_link (person_id) WHERE state = 'active';

-- A privacy officer's review of one link. kind new-link: the link is pending-review until decided;
-- kind existing-link: an active link whose source now sends contradicting demographics (it stays active).
-- evidence keeps both sides as they were when the review opened: {"incoming": the source identity, "linked":
-- [each source identity linked to the person then, with the per-field "evidence": {"family": "disagrees",
-- "given": "agrees", "birthDate": "not-compared", ...}]}.
CREATE TABLE link_review (
    id                  uuid        PRIMARY KEY,
    link_id             uuid        NOT NULL REFERENCES identity_link (id),
    source_identity_id  uuid        NOT NULL REFERENCES source_identity (id),
    person_id           uuid        NOT NULL REFERENCES person (id),
    kind                text        NOT NULL CHECK (kind IN ('new-link', 'existing-link')),
    evidence            jsonb       NOT NULL,
    opened_at           timestamptz NOT NULL,
    status              text        NOT NULL CHECK (status IN ('open', 'closed')),
    -- link or reject by a privacy officer; superseded when the source's own later data replaced the link first
    decision            text        CHECK (decision IN ('link', 'reject', 'superseded')),
    decided_by          text,
    decided_by_name     text,
    decision_note       text,
    decided_at          timestamptz,
    CHECK ((status = 'open') = (decision IS NULL)),
    CHECK ((status = 'open') = (decided_at IS NULL)),
    CHECK (COALESCE(decision IN ('link', 'reject'), false) = (decided_by IS NOT NULL))
);

CREATE UNIQUE INDEX link_review_one_open_per_link ON link_review (link_id) WHERE status = 'open';
CREATE INDEX link_review_newest_first ON link_review (status, opened_at DESC, id);

GRANT SELECT, INSERT, UPDATE ON link_review TO ${runtime_role};
