package org.kmcr.common.consent;

import com.fasterxml.jackson.annotation.JsonValue;
import org.kmcr.common.problem.Coded;

/** The fixed list of reasons for breaking glass; the free text beside it says what happened. */
public enum BreakGlassReason implements Coded {
    /** Emergency care where the person's life or health is at risk and they cannot consent: overrides an objection. */
    VITAL_INTERESTS("vital-interests"),
    EMERGENCY_CARE("emergency-care"),
    UNPLANNED_CARE("unplanned-care"),
    SAFEGUARDING_CONCERN("safeguarding-concern"),
    PERSON_ASKED("person-asked");

    private final String code;

    BreakGlassReason(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }
}
