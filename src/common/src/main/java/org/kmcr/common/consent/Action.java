package org.kmcr.common.consent;

import com.fasterxml.jackson.annotation.JsonValue;
import org.kmcr.common.problem.Coded;

/** What the caller is doing with the record; each action has one purpose. */
public enum Action implements Coded {
    SUMMARY("summary", Purpose.DIRECT_CARE),
    CATEGORY_VIEW("category-view", Purpose.DIRECT_CARE),
    /** A person's contacts with health and social care (encounters and episodes), paged recent first. */
    TIMELINE("timeline", Purpose.DIRECT_CARE),
    FHIR_READ("fhir-read", Purpose.DIRECT_CARE),
    FHIR_SEARCH("fhir-search", Purpose.DIRECT_CARE),
    EVERYTHING("everything", Purpose.DIRECT_CARE),
    NOTIFICATION("notification", Purpose.DIRECT_CARE),
    CITIZEN_VIEW("citizen-view", Purpose.DIRECT_CARE),
    EXPORT("export", Purpose.SECONDARY_USE),
    ANALYTICS("analytics", Purpose.SECONDARY_USE);

    private final String code;
    private final Purpose purpose;

    Action(String code, Purpose purpose) {
        this.code = code;
        this.purpose = purpose;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    public Purpose purpose() {
        return purpose;
    }

    public static Action ofCode(String code) {
        for (Action action : values()) {
            if (action.code.equals(code)) {
                return action;
            }
        }
        throw new IllegalArgumentException("unknown action " + code);
    }
}
