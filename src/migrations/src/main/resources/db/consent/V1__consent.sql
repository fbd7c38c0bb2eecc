-- What access decisions are made from: which organisations share (the joint controllers' agreement), which
-- relationships organisations have with people, what each role may see, and the break-glass accesses a
-- privacy officer must review. The runtime role may read and write the facts but only read the policy,
-- which changes by migration.

-- An organisation that has signed the joint controllers' agreement. Active from the day it is signed until
-- the day it is withdrawn (exclusive).
CREATE TABLE sharing_partner (
    ods_code             text PRIMARY KEY,
    name                 text NOT NULL,
    kind                 text NOT NULL CHECK (kind IN
                             ('gp-practice', 'acute-trust', 'community', 'mental-health', 'local-authority', 'icb')),
    agreement_signed_on  date NOT NULL,
    withdrawn_on         date,
    CHECK (withdrawn_on IS NULL OR withdrawn_on >= agreement_signed_on)
);

-- A relationship between an organisation and a person (GP registration, care team, referral, social care
-- allocation, self-claimed, ...), as a source asserted it. Active from started_on to ends_on, both inclusive.
CREATE TABLE relationship (
    id          uuid        PRIMARY KEY,
    person_id   uuid        NOT NULL,
    org_code    text        NOT NULL,
    kind        text        NOT NULL,
    source      text        NOT NULL,
    started_on  date        NOT NULL,
    ends_on     date,
    created_at  timestamptz NOT NULL,
    UNIQUE (person_id, org_code, kind),
    CHECK (ends_on IS NULL OR ends_on >= started_on)
);

-- Which record categories each role may see: a role sees a category only if a row says so.
CREATE TABLE role_category_policy (
    role      text NOT NULL,
    category  text NOT NULL,
    PRIMARY KEY (role, category)
);

-- Every break-glass access, queued for a privacy officer to judge.
CREATE TABLE break_glass_review (
    id           uuid        PRIMARY KEY,
    person_id    uuid        NOT NULL,
    nhs_number   text,
    user_id      text        NOT NULL,
    user_name    text,
    role         text        NOT NULL,
    org_code     text        NOT NULL,
    reason       text        NOT NULL,
    occurred_at  timestamptz NOT NULL,
    status       text        NOT NULL CHECK (status IN ('open', 'closed')),
    outcome      text        CHECK (outcome IN ('appropriate', 'inappropriate')),
    reviewer     text,
    review_note  text,
    reviewed_at  timestamptz,
    CHECK ((status = 'open') = (outcome IS NULL))
);

CREATE INDEX break_glass_review_by_status ON break_glass_review (status, occurred_at DESC);

GRANT USAGE ON SCHEMA consent TO ${runtime_role};
GRANT SELECT, INSERT, UPDATE ON sharing_partner, relationship, break_glass_review TO ${runtime_role};
GRANT SELECT ON role_category_policy TO ${runtime_role};
