-- Relationship facts have an author and an authority (issue 5): every episode records who asserted it (the
-- partner organisation and system that sent the message, or the privacy officer or professional), from which
-- message and through which KMCR client; the free-text source chosen by the caller goes. Relationships are
-- episodes: one open episode at most per (person, organisation, kind); ended episodes are kept and never
-- reopened. Assertions a source was not entitled to make are kept apart, never used to permit.

ALTER TABLE sharing_partner DROP CONSTRAINT sharing_partner_kind_check;
ALTER TABLE sharing_partner ADD CONSTRAINT sharing_partner_kind_check CHECK (kind IN
    ('gp-practice', 'acute-trust', 'community', 'mental-health', 'local-authority', 'icb', 'registration-authority'));

ALTER TABLE relationship
    ADD COLUMN asserted_by_org    text,
    ADD COLUMN asserted_by_system text,
    ADD COLUMN asserted_by_user   text,
    ADD COLUMN source_message     text,
    ADD COLUMN recorded_via       text,
    ADD COLUMN reason             text,
    ADD COLUMN ended_by           text,
    ADD COLUMN ended_at           timestamptz;
UPDATE relationship SET asserted_by_org = org_code, asserted_by_system = source, source_message = 'before-authorship',
    recorded_via = 'before-authorship';
ALTER TABLE relationship
    ALTER COLUMN asserted_by_org SET NOT NULL,
    ALTER COLUMN asserted_by_system SET NOT NULL,
    ALTER COLUMN source_message SET NOT NULL,
    ALTER COLUMN recorded_via SET NOT NULL,
    DROP COLUMN source;
ALTER TABLE relationship DROP CONSTRAINT relationship_person_id_org_code_kind_key;
CREATE UNIQUE INDEX relationship_one_open_episode ON relationship (person_id, org_code, kind) WHERE ends_on IS NULL;
CREATE INDEX relationship_by_org_and_person ON relationship (org_code, person_id);
CREATE INDEX relationship_by_person ON relationship (person_id, org_code, kind, started_on DESC);

CREATE TABLE unverified_assertion (
    id                  uuid        PRIMARY KEY,
    person_id           uuid        NOT NULL,
    org_code            text        NOT NULL,
    kind                text        NOT NULL,
    started_on          date,
    ends_on             date,
    asserted_by_org     text        NOT NULL,
    asserted_by_system  text        NOT NULL,
    source_message      text        NOT NULL,
    recorded_via        text        NOT NULL,
    reason              text        NOT NULL,
    received_at         timestamptz NOT NULL,
    -- the same message asserting the same thing again is kept once
    UNIQUE (person_id, org_code, kind, asserted_by_org, source_message)
);
CREATE INDEX unverified_assertion_by_person ON unverified_assertion (person_id, received_at DESC);

-- Reviews are queued for every disclosure that obliges an alert (break glass, self-claimed), once per audit event.
ALTER TABLE break_glass_review
    ADD COLUMN basis          text NOT NULL DEFAULT 'break-glass' CHECK (basis IN ('break-glass', 'self-claimed')),
    ADD COLUMN audit_event_id uuid UNIQUE;

GRANT SELECT, INSERT ON unverified_assertion TO ${runtime_role};
