-- KMCR database bootstrap: the roles and schemas every service expects.
-- Run once per database as a superuser (the local run and the tests do it themselves). Idempotent.
--
-- Each schema has an owner role, used only by that schema's Flyway migrations, and each service has a
-- runtime role that receives just the grants its migrations give it (see docs/security.md):
--   schema    owner (migrations)     runtime roles and what they may do
--   ingest    kmcr_ingest_owner      kmcr_ingest: read/write
--   record    kmcr_ingest_owner      kmcr_ingest: read/write; kmcr_record: SELECT only
--   identity  kmcr_identity_owner    kmcr_identity: read/write
--   consent   kmcr_consent_owner     kmcr_consent: read/write
--   audit     kmcr_audit_owner       kmcr_audit: INSERT and SELECT only
-- Passwords are not set here: the platform sets them (ALTER ROLE ... PASSWORD, or managed roles).

DO $$
DECLARE
    role_name text;
BEGIN
    FOREACH role_name IN ARRAY ARRAY[
            'kmcr_ingest_owner', 'kmcr_identity_owner', 'kmcr_consent_owner', 'kmcr_audit_owner',
            'kmcr_ingest', 'kmcr_record', 'kmcr_identity', 'kmcr_consent', 'kmcr_audit'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = role_name) THEN
            BEGIN
                EXECUTE format('CREATE ROLE %I LOGIN', role_name);
            EXCEPTION WHEN duplicate_object OR unique_violation THEN
                NULL; -- created concurrently by another bootstrap in the same cluster
            END;
        END IF;
        EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), role_name);
    END LOOP;
    EXECUTE format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database());
END $$;

REVOKE CREATE ON SCHEMA public FROM PUBLIC;

CREATE SCHEMA IF NOT EXISTS ingest AUTHORIZATION kmcr_ingest_owner;
CREATE SCHEMA IF NOT EXISTS record AUTHORIZATION kmcr_ingest_owner;
CREATE SCHEMA IF NOT EXISTS identity AUTHORIZATION kmcr_identity_owner;
CREATE SCHEMA IF NOT EXISTS consent AUTHORIZATION kmcr_consent_owner;
CREATE SCHEMA IF NOT EXISTS audit AUTHORIZATION kmcr_audit_owner;
