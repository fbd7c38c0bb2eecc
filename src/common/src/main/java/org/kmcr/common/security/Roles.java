package org.kmcr.common.security;

import java.util.List;
import java.util.Set;

/**
 * The realm roles of the shipped Keycloak realm (k8s/keycloak/kmcr-realm.json): the roles people hold, the
 * partner-system role, and the service permissions, each held only by the service clients whose calls need it.
 */
public final class Roles {

    public static final String CLINICIAN = "clinician";
    public static final String SOCIAL_WORKER = "social-worker";
    public static final String PRIVACY_OFFICER = "privacy-officer";
    /** Works the MPI's review queue: possible matches and contradicting links, their explanations (identity). */
    public static final String DATA_QUALITY = "data-quality";
    public static final String ANALYST = "analyst";
    public static final String PATIENT = "patient";
    public static final String PARTNER_SYSTEM = "partner-system";
    /**
     * Runs the platform: sees every source's feed health and dead letters (where they came from, when, the status
     * and title of their problem, never the message nor the problem's words) and replays them; never a record.
     */
    public static final String PLATFORM_OPERATOR = "platform-operator";

    /** Append events to the audit log (record, consent, ingest, identity). */
    public static final String AUDIT_WRITER = "audit-writer";
    /** Ask consent for access decisions and report disclosures that oblige a privacy officer alert (record). */
    public static final String ACCESS_DECIDER = "access-decider";
    /** Resolve source patients to persons in the MPI (ingest). */
    public static final String IDENTITY_RESOLVER = "identity-resolver";
    /** Look persons and their source identities up in the MPI (record). */
    public static final String IDENTITY_READER = "identity-reader";
    /** Assert relationships found in source data on behalf of the sending partner (ingest). */
    public static final String RELATIONSHIP_ASSERTER = "relationship-asserter";
    /** Read the register of sharing partners (ingest, audit). */
    public static final String PARTNER_READER = "partner-reader";

    /**
     * Roles that only a client-credentials token of a system may carry: the service permissions and the partner
     * system role. {@link SystemRoleGuard} drops them from any other token.
     */
    public static final Set<String> SYSTEM_ROLES = Set.of(PARTNER_SYSTEM, AUDIT_WRITER, ACCESS_DECIDER,
            IDENTITY_RESOLVER, IDENTITY_READER, RELATIONSHIP_ASSERTER, PARTNER_READER);

    /** Most specific first: used to name a caller's role in the audit log. */
    static final List<String> PRECEDENCE = List.of(PRIVACY_OFFICER, DATA_QUALITY, CLINICIAN, SOCIAL_WORKER, ANALYST,
            PATIENT, PLATFORM_OPERATOR, PARTNER_SYSTEM, ACCESS_DECIDER, RELATIONSHIP_ASSERTER, IDENTITY_RESOLVER,
            IDENTITY_READER, PARTNER_READER, AUDIT_WRITER);

    private Roles() {
    }
}
