-- The master patient index matches on demographics, not on the NHS number alone.
--
-- Blocking: each source identity carries its blocking keys (see matching/BlockingKeys: the valid NHS number,
-- date of birth + Soundex of the family name, ...); candidates for a new record are the source identities
-- sharing one of its keys, found by one look-up of the GIN index. given_name and family_name are the
-- normalised names, for the term-frequency adjustment (how common a name is in the index).
ALTER TABLE source_identity ADD COLUMN blocking_keys text[] NOT NULL DEFAULT '{}';
ALTER TABLE source_identity ADD COLUMN given_name text;
ALTER TABLE source_identity ADD COLUMN family_name text;
CREATE INDEX source_identity_by_blocking_key ON source_identity USING gin (blocking_keys);

-- What each source said about the patient, every time it changed: a row per version, never updated.
-- nhs_number is as sent (it may fail the check digit, and is then never used for matching).
CREATE TABLE source_identity_version (
    source_identity_id  uuid        NOT NULL REFERENCES source_identity (id),
    received_at         timestamptz NOT NULL,
    nhs_number          text,
    demographics        jsonb,
    PRIMARY KEY (source_identity_id, received_at)
);

-- Who made a link: the matcher, a privacy officer (user id), or a source's own merge (A34/A40).
ALTER TABLE identity_link ADD COLUMN decided_by text NOT NULL DEFAULT 'matcher';
-- The person merge that made or retired this link, so that an unmerge restores exactly what was there before.
ALTER TABLE identity_link ADD COLUMN made_by_merge uuid;
ALTER TABLE identity_link ADD COLUMN retired_by_merge uuid;

-- A person merged into another keeps its row and points at the survivor; it has no active links.
ALTER TABLE person ADD COLUMN merged_into uuid REFERENCES person (id);

-- A merge of two persons by a privacy officer, or by a source merging two of its patient ids; undone by an
-- unmerge, which restores the links the merge retired and retires those it made.
CREATE TABLE person_merge (
    id                   uuid        PRIMARY KEY,
    merged_person_id     uuid        NOT NULL REFERENCES person (id),
    surviving_person_id  uuid        NOT NULL REFERENCES person (id),
    kind                 text        NOT NULL CHECK (kind IN ('manual', 'source')),
    reason               text,
    merged_by            text        NOT NULL,
    merged_at            timestamptz NOT NULL,
    unmerged_by          text,
    unmerged_at          timestamptz,
    CHECK (merged_person_id <> surviving_person_id),
    CHECK ((unmerged_by IS NULL) = (unmerged_at IS NULL))
);
CREATE INDEX person_merge_by_merged_person ON person_merge (merged_person_id);

-- A review of a possible match: the demographics score between the two thresholds, so the link to the best
-- candidate person waits (pending-review) until a privacy officer links, separates (a new person) or defers it.
ALTER TABLE link_review DROP CONSTRAINT link_review_kind_check;
ALTER TABLE link_review ADD CONSTRAINT link_review_kind_check
    CHECK (kind IN ('new-link', 'existing-link', 'possible-match'));
ALTER TABLE link_review DROP CONSTRAINT link_review_decision_check;
ALTER TABLE link_review ADD CONSTRAINT link_review_decision_check
    CHECK (decision IN ('link', 'reject', 'separate', 'superseded'));
ALTER TABLE link_review DROP CONSTRAINT link_review_check2;
ALTER TABLE link_review ADD CONSTRAINT link_review_decided_by_person
    CHECK (COALESCE(decision IN ('link', 'reject', 'separate'), false) = (decided_by IS NOT NULL));
-- a deferred review stays open, behind those not deferred
ALTER TABLE link_review ADD COLUMN deferred_by text;
ALTER TABLE link_review ADD COLUMN deferred_at timestamptz;
ALTER TABLE link_review ADD COLUMN score numeric(5, 4);

GRANT SELECT, INSERT, UPDATE ON source_identity_version, person_merge TO ${runtime_role};
