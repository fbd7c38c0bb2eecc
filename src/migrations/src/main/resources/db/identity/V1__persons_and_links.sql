-- The master patient index. Care items point at source identities (a patient as one source system knows
-- them); a person is the set of source identities actively linked to it. Merges and unmerges change links
-- only, so a link is deactivated, never deleted: the runtime role may SELECT, INSERT and UPDATE.

CREATE TABLE person (
    id          uuid        PRIMARY KEY,
    -- null is allowed for persons that will be matched on demographics alone; unique when present
    nhs_number  text        UNIQUE CHECK (nhs_number ~ '^[0-9]{10}$'),
    created_at  timestamptz NOT NULL
);

CREATE TABLE source_identity (
    id             uuid        PRIMARY KEY,
    source_org     text        NOT NULL,
    source_system  text        NOT NULL,
    local_id       text        NOT NULL,
    nhs_number     text        CHECK (nhs_number ~ '^[0-9]{10}$'),
    -- what the source says: {"family", "given": [...], "birthDate", "gender", "postcode"}
    demographics   jsonb,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    CONSTRAINT source_identity_key UNIQUE (source_org, source_system, local_id)
);

CREATE INDEX source_identity_by_nhs_number ON source_identity (nhs_number);

CREATE TABLE identity_link (
    id                  uuid          PRIMARY KEY,
    source_identity_id  uuid          NOT NULL REFERENCES source_identity (id),
    person_id           uuid          NOT NULL REFERENCES person (id),
    -- how the link was decided, e.g. nhs-number; score in [0, 1]; evidence per field, e.g. {"nhsNumber": "exact match"}
    method              text          NOT NULL,
    score               numeric(5, 4) NOT NULL CHECK (score >= 0 AND score <= 1),
    evidence            jsonb         NOT NULL,
    active              boolean       NOT NULL,
    created_at          timestamptz   NOT NULL,
    deactivated_at      timestamptz,
    CHECK (active = (deactivated_at IS NULL))
);

-- a source identity belongs to at most one person at a time
CREATE UNIQUE INDEX identity_link_one_active ON identity_link (source_identity_id) WHERE active;
CREATE INDEX identity_link_active_by_person ON identity_link (person_id) WHERE active;

GRANT USAGE ON SCHEMA identity TO ${runtime_role};
GRANT SELECT, INSERT, UPDATE ON person, source_identity, identity_link TO ${runtime_role};
