package org.kmcr.common.security;

import java.util.List;

/** The realm roles of the shipped Keycloak realm (k8s/keycloak/kmcr-realm.json). */
public final class Roles {

    public static final String CLINICIAN = "clinician";
    public static final String SOCIAL_WORKER = "social-worker";
    public static final String PRIVACY_OFFICER = "privacy-officer";
    public static final String ANALYST = "analyst";
    public static final String PATIENT = "patient";
    public static final String PARTNER_SYSTEM = "partner-system";
    public static final String SERVICE = "service";

    /** Most specific first: used to name a caller's role in the audit log. */
    static final List<String> PRECEDENCE = List.of(
            PRIVACY_OFFICER, CLINICIAN, SOCIAL_WORKER, ANALYST, PATIENT, PARTNER_SYSTEM, SERVICE);

    private Roles() {
    }
}
