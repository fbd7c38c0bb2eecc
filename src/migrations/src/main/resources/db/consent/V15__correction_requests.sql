-- A citizen's request that an entry in their record be corrected, routed to the organisation that recorded it
-- (issue 11). Consent keeps the request and its answer; the correction itself is made in the source system and
-- flows in with its next feed.
CREATE TABLE correction_request (
    id             uuid PRIMARY KEY,
    nhs_number     char(10)      NOT NULL,
    requested_by   text          NOT NULL,
    source_org     text          NOT NULL,
    item           varchar(300)  NOT NULL,
    correction     varchar(2000) NOT NULL,
    status         text          NOT NULL CHECK (status IN ('open', 'corrected', 'declined')),
    requested_at   timestamptz   NOT NULL,
    decided_at     timestamptz,
    decided_by     text,
    decided_by_org text,
    decision_note  varchar(2000),
    CHECK ((status = 'open') = (decided_at IS NULL))
);

CREATE INDEX correction_request_citizen ON correction_request (nhs_number, requested_at DESC);
CREATE INDEX correction_request_routed ON correction_request (source_org, status, requested_at DESC);

GRANT SELECT, INSERT, UPDATE ON correction_request TO ${runtime_role};
