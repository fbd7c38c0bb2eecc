-- The policy engine (issue 8): every rule as data. The role x category matrix now covers every category for every
-- role; windows, legally protected code lists and the security labels the rules look for are tables; a person's
-- objections, restrictions and consents to share are directives (kept as FHIR Consent resources); the national data
-- opt-out list is loaded whole and replaced atomically; organisations can be suspended. Every change to what a
-- decision depends on bumps a version (the policy's, or the person's), so that cached policy and decisions never
-- outlive a change, whichever consent pod made it.

-- 1. Only partners share, and a partner can be suspended.
ALTER TABLE sharing_partner ADD COLUMN suspended_on date;

-- 2. The role x category matrix: the complete default. Privacy officers, partner systems and services see no
-- record category (privacy officers work from the audit log and their review queues).
DELETE FROM role_category_policy;
INSERT INTO role_category_policy (role, category)
SELECT 'clinician', category FROM unnest(ARRAY['demographics', 'contacts', 'care-team', 'medications', 'allergies',
    'conditions', 'alerts', 'safeguarding', 'results', 'encounters', 'location', 'social-care', 'mental-health',
    'referrals', 'advance-directives', 'care-plans', 'documents', 'infection-status', 'immunisations']) AS category
UNION ALL
SELECT 'social-worker', category FROM unnest(ARRAY['demographics', 'contacts', 'care-team', 'allergies', 'conditions',
    'alerts', 'safeguarding', 'encounters', 'location', 'social-care', 'referrals', 'advance-directives',
    'care-plans']) AS category
UNION ALL
SELECT 'patient', category FROM unnest(ARRAY['demographics', 'contacts', 'care-team', 'medications', 'allergies',
    'conditions', 'alerts', 'results', 'encounters', 'location', 'social-care', 'mental-health', 'referrals',
    'advance-directives', 'care-plans', 'documents', 'infection-status', 'immunisations']) AS category
UNION ALL
SELECT 'analyst', category FROM unnest(ARRAY['demographics', 'conditions', 'results', 'encounters',
    'infection-status', 'immunisations']) AS category;
ALTER TABLE role_category_policy ADD CONSTRAINT role_category_policy_category_check CHECK (category IN
    ('demographics', 'contacts', 'care-team', 'medications', 'allergies', 'conditions', 'alerts', 'safeguarding',
     'results', 'encounters', 'location', 'social-care', 'mental-health', 'referrals', 'advance-directives',
     'care-plans', 'documents', 'infection-status', 'immunisations'));

-- 3. Windows, in whole days or hours.
CREATE TABLE policy_setting (
    name   text PRIMARY KEY CHECK (name IN ('encounter-window-days', 'break-glass-hours')),
    value  integer NOT NULL CHECK (value > 0)
);
INSERT INTO policy_setting VALUES ('encounter-window-days', 90), ('break-glass-hours', 4);

-- 5. Legally protected categories by code list (a starter list: extend it by migration, reviewed like code).
CREATE TABLE protected_code (
    system              text NOT NULL,
    code                text NOT NULL,
    protected_category  text NOT NULL CHECK (protected_category IN
                            ('sexual-health', 'fertility', 'gender-history', 'termination-of-pregnancy')),
    display             text NOT NULL,
    PRIMARY KEY (system, code)
);
INSERT INTO protected_code VALUES
    ('http://snomed.info/sct', '86406008', 'sexual-health', 'Human immunodeficiency virus infection'),
    ('http://snomed.info/sct', '165816005', 'sexual-health', 'Human immunodeficiency virus detected'),
    ('http://snomed.info/sct', '105629000', 'sexual-health', 'Chlamydial infection'),
    ('http://snomed.info/sct', '15628003', 'sexual-health', 'Gonorrhoea'),
    ('http://snomed.info/sct', '76272004', 'sexual-health', 'Syphilis'),
    ('http://hl7.org/fhir/sid/icd-10', 'B20', 'sexual-health', 'HIV disease resulting in infectious and parasitic diseases'),
    ('http://hl7.org/fhir/sid/icd-10', 'Z21', 'sexual-health', 'Asymptomatic HIV infection status'),
    ('http://snomed.info/sct', '8619003', 'fertility', 'Infertile'),
    ('http://snomed.info/sct', '52637005', 'fertility', 'In vitro fertilisation'),
    ('http://snomed.info/sct', '93461009', 'gender-history', 'Gender dysphoria'),
    ('http://snomed.info/sct', '386639001', 'termination-of-pregnancy', 'Termination of pregnancy');

-- 5, 7, 8. The security labels (system|code, from the item's meta.security) or confidentiality codes the rules
-- look for: items kept out of the citizen view, third-party information, and the sensitive-person flag on a
-- demographics item (PDS marks a sensitive person's Patient restricted).
CREATE TABLE security_label_rule (
    rule   text NOT NULL CHECK (rule IN ('not-for-patient-view', 'third-party', 'sensitive-person')),
    label  text NOT NULL,
    PRIMARY KEY (rule, label)
);
INSERT INTO security_label_rule VALUES
    ('not-for-patient-view', 'http://terminology.hl7.org/CodeSystem/v3-ActCode|NOPAT'),
    ('not-for-patient-view', 'https://fhir.kmcr.example/CodeSystem/security-label|not-for-patient-view'),
    ('third-party', 'https://fhir.kmcr.example/CodeSystem/security-label|third-party'),
    ('sensitive-person', 'R'),
    ('sensitive-person', 'https://fhir.kmcr.example/CodeSystem/security-label|sensitive-person');

-- 4. A person's directives: objections, restrictions and consents to share, kept as FHIR Consent resources.
-- Citizens' requests wait as 'requested' until a privacy officer accepts (active) or rejects them; only active
-- ones are applied. Scope lists are comma-separated codes (empty: any).
CREATE TABLE consent_directive (
    id              uuid        PRIMARY KEY,
    nhs_number      text        NOT NULL CHECK (nhs_number ~ '^[0-9]{10}$'),
    kind            text        NOT NULL CHECK (kind IN ('objection', 'restriction', 'consent-to-share')),
    status          text        NOT NULL CHECK (status IN ('requested', 'active', 'rejected', 'withdrawn')),
    categories      text        NOT NULL DEFAULT '',
    source_orgs     text        NOT NULL DEFAULT '',
    item_ids        text        NOT NULL DEFAULT '',
    recipient_orgs  text        NOT NULL DEFAULT '',
    contact         text,
    reason          text        NOT NULL,
    requested_by    text        NOT NULL,
    created_at      timestamptz NOT NULL,
    decided_by      text,
    decided_at      timestamptz,
    decision_note   text,
    CHECK ((status = 'requested') = (decided_at IS NULL))
);
CREATE INDEX consent_directive_active ON consent_directive (nhs_number) WHERE status = 'active';
CREATE INDEX consent_directive_by_status ON consent_directive (status, created_at DESC);

-- 9. The national data opt-out list: one current list, with its date; a new one replaces it in one transaction.
CREATE TABLE opt_out_list (
    id         uuid        PRIMARY KEY,
    list_date  date        NOT NULL,
    loaded_at  timestamptz NOT NULL,
    loaded_by  text        NOT NULL,
    size       integer     NOT NULL,
    current    boolean     NOT NULL
);
CREATE UNIQUE INDEX opt_out_list_one_current ON opt_out_list (current) WHERE current;
CREATE TABLE opt_out_entry (
    list_id     uuid NOT NULL REFERENCES opt_out_list (id) ON DELETE CASCADE,
    nhs_number  text NOT NULL,
    PRIMARY KEY (nhs_number, list_id)
);

-- Versions: the policy's (everything every decision reads) and each person's (their relationships and break-glass
-- accesses). Bumped in the changing transaction, so a reader sees the new version exactly when it sees the change.
CREATE TABLE policy_version (
    id       boolean PRIMARY KEY DEFAULT true CHECK (id),
    version  bigint  NOT NULL
);
INSERT INTO policy_version VALUES (true, 1);
CREATE TABLE person_version (
    person_id  uuid   PRIMARY KEY,
    version    bigint NOT NULL
);

-- the functions keep the migration's search path (this schema), whoever's change fires them
CREATE FUNCTION bump_policy_version() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    UPDATE policy_version SET version = version + 1;
    RETURN NULL;
END
$$;

CREATE FUNCTION bump_person_version() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
    changed uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.person_id ELSE NEW.person_id END;
BEGIN
    INSERT INTO person_version VALUES (changed, 1)
        ON CONFLICT (person_id) DO UPDATE SET version = person_version.version + 1;
    RETURN NULL;
END
$$;

CREATE TRIGGER role_category_policy_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON role_category_policy
    FOR EACH STATEMENT EXECUTE FUNCTION bump_policy_version();
CREATE TRIGGER policy_setting_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON policy_setting
    FOR EACH STATEMENT EXECUTE FUNCTION bump_policy_version();
CREATE TRIGGER protected_code_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON protected_code
    FOR EACH STATEMENT EXECUTE FUNCTION bump_policy_version();
CREATE TRIGGER security_label_rule_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON security_label_rule
    FOR EACH STATEMENT EXECUTE FUNCTION bump_policy_version();
CREATE TRIGGER sharing_partner_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON sharing_partner
    FOR EACH STATEMENT EXECUTE FUNCTION bump_policy_version();
CREATE TRIGGER consent_directive_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON consent_directive
    FOR EACH STATEMENT EXECUTE FUNCTION bump_policy_version();
CREATE TRIGGER opt_out_list_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON opt_out_list
    FOR EACH STATEMENT EXECUTE FUNCTION bump_policy_version();
CREATE TRIGGER relationship_changed AFTER INSERT OR UPDATE OR DELETE ON relationship
    FOR EACH ROW EXECUTE FUNCTION bump_person_version();
CREATE TRIGGER break_glass_review_changed AFTER INSERT OR UPDATE OR DELETE ON break_glass_review
    FOR EACH ROW EXECUTE FUNCTION bump_person_version();

GRANT SELECT ON policy_setting, protected_code, security_label_rule TO ${runtime_role};
GRANT SELECT, INSERT, UPDATE ON consent_directive TO ${runtime_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON opt_out_list, opt_out_entry TO ${runtime_role};
GRANT SELECT, UPDATE ON policy_version TO ${runtime_role};
GRANT SELECT, INSERT, UPDATE ON person_version TO ${runtime_role};
