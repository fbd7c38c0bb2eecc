-- The transactional audit outbox of this service (issue 10; org.kmcr.common.audit.AuditOutbox): an audit event is
-- written here in the very transaction of the change it describes, so no change commits without its event and no
-- event exists without its change. AuditOutboxRelay sends the rows to the audit service, oldest first, and deletes
-- each once audit has committed it; a row audit could not take stays, with its attempts and the last failure (an
-- HTTP status or an exception class, never content), and is sent again with backoff. The event id is fixed here, so
-- a row sent twice (audit committed, the delete did not) is recorded once by audit.
CREATE TABLE consent.audit_outbox (
    position      bigserial   PRIMARY KEY,
    event_id      uuid        NOT NULL UNIQUE,
    event         jsonb       NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
    attempts      integer     NOT NULL DEFAULT 0,
    last_failure  text
);

GRANT SELECT, INSERT, UPDATE, DELETE ON consent.audit_outbox TO ${runtime_role};
GRANT USAGE ON SEQUENCE consent.audit_outbox_position_seq TO ${runtime_role};
