package org.kmcr.common.consent;

import com.fasterxml.jackson.annotation.JsonValue;
import org.kmcr.common.problem.Coded;

/** Why data is used: caring for the person, or secondary use (analytics, exports), where the opt-out applies. */
public enum Purpose implements Coded {
    DIRECT_CARE("direct-care"), SECONDARY_USE("secondary-use");

    private final String code;

    Purpose(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }
}
