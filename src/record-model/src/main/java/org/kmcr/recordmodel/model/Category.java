package org.kmcr.recordmodel.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * The record categories: the unit of the role x category sharing policy. The codes are agreed with consent's
 * policy tables and never change. Which category a resource falls in is decided by ingest from its type and codes
 * ({@code org.kmcr.ingest.mapping.CategoryRules}, documented in docs/api.md); a type may fall in several.
 */
public enum Category {
    DEMOGRAPHICS("demographics"),
    CONTACTS("contacts"),
    CARE_TEAM("care-team"),
    MEDICATIONS("medications"),
    ALLERGIES("allergies"),
    CONDITIONS("conditions"),
    ALERTS("alerts"),
    SAFEGUARDING("safeguarding"),
    RESULTS("results"),
    ENCOUNTERS("encounters"),
    LOCATION("location"),
    SOCIAL_CARE("social-care"),
    MENTAL_HEALTH("mental-health"),
    REFERRALS("referrals"),
    ADVANCE_DIRECTIVES("advance-directives"),
    CARE_PLANS("care-plans"),
    DOCUMENTS("documents"),
    INFECTION_STATUS("infection-status"),
    IMMUNISATIONS("immunisations");

    private final String code;

    Category(String code) {
        this.code = code;
    }

    /** The name used in the API, the policy tables and the audit log. */
    public String code() {
        return code;
    }

    /** The category with this code, if there is one. */
    public static Optional<Category> ofCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }
}
