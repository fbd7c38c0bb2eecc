package org.kmcr.common.analytics;

import com.fasterxml.jackson.annotation.JsonValue;
import org.kmcr.common.problem.Coded;

/** What a table is broken down by: one dimension at a time (one-way tables, see docs/security.md). */
public enum Breakdown implements Coded {
    DISTRICT("district"), AGE_BAND("age-band"), SEX("sex"), ETHNICITY("ethnicity"), SITE("site"), WEEK("week");

    private final String code;

    Breakdown(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    /** The breakdown of a query parameter; null when there is none of that name. */
    public static Breakdown ofCode(String code) {
        for (Breakdown breakdown : values()) {
            if (breakdown.code.equals(code)) {
                return breakdown;
            }
        }
        return null;
    }
}
