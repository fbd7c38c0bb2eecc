package org.kmcr.systemtests.stack;

import java.util.List;

/**
 * The organisations of the demo region and its Keycloak clients (k8s/keycloak/kmcr-realm.json) and demo users (the
 * demo overlay, src/system-tests/src/main/resources/demo-realm).
 */
public final class DemoRegion {

    public static final String TRUST = "RKM";
    public static final String GP_PRACTICE = "K81001";
    public static final String SECOND_GP_PRACTICE = "K81002";
    public static final String SOCIAL_CARE = "KMSC1";
    public static final String ICB = "QKM";
    /** An organisation that has not signed the joint controllers' agreement. */
    public static final String NON_PARTNER = "Y09999";
    /** The registration authority: NHS England's Spine Personal Demographics Service (its ODS code). */
    public static final String REGISTRATION_AUTHORITY = "X26";

    public static final String TRUST_PAS = "partner-rkm-pas";
    public static final String GP_SYSTEM = "partner-k81001-gp";
    /** The registration authority's demographics feed: the person's registered practice, for every practice. */
    public static final String PDS = "partner-pds";

    public static final String GP_CLINICIAN = "gp.clinician";
    public static final String HOSPITAL_CLINICIAN = "hospital.clinician";
    public static final String SOCIAL_WORKER = "social.worker";
    public static final String OUTSIDER_CLINICIAN = "outsider.clinician";
    public static final String PRIVACY_OFFICER = "privacy.officer";
    public static final String ANALYST = "analyst";
    /** Runs the platform: feed health and dead letters of every source, replays them; never a record. */
    public static final String PLATFORM_OPERATOR = "platform.operator";
    public static final String CITIZEN = "citizen";
    /** The demo citizen's NHS number (a 999 test number). */
    public static final String CITIZEN_NHS_NUMBER = "9990000018";

    /** The organisations that have signed the joint controllers' agreement. */
    public static final List<Partner> PARTNERS = List.of(
            new Partner(TRUST, "Kingsmere University Hospitals NHS Trust", "acute-trust"),
            new Partner(GP_PRACTICE, "Kingsmere Medical Centre", "gp-practice"),
            new Partner(SECOND_GP_PRACTICE, "Riverside Surgery", "gp-practice"),
            new Partner(SOCIAL_CARE, "Kingsmere Council Adult Social Care", "local-authority"),
            new Partner(ICB, "Kingsmere Integrated Care Board", "icb"),
            new Partner(REGISTRATION_AUTHORITY, "NHS England Personal Demographics Service", "registration-authority"));

    public record Partner(String odsCode, String name, String kind) {
    }

    private DemoRegion() {
    }
}
