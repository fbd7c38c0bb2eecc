package org.kmcr.common.consent;

import com.fasterxml.jackson.annotation.JsonValue;
import org.kmcr.common.problem.Coded;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The record categories, the unit of the role x category policy, as consent, record-query and the audit log name
 * them. Ingest's {@code CategoryRules} decides which one an item falls in.
 */
public enum CareCategory implements Coded {
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

    private static final Map<String, CareCategory> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(CareCategory::code, Function.identity()));

    private final String code;

    CareCategory(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    /** The category with this code; empty for a code KMCR does not know (never shown). */
    public static Optional<CareCategory> ofCode(String code) {
        return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
    }
}
