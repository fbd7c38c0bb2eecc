package org.kmcr.common.consent;

import com.fasterxml.jackson.annotation.JsonValue;
import org.kmcr.common.problem.Coded;

/** What a permit rests on. A permit through a relationship also names the relationship's kind. */
public enum Basis implements Coded {
    SELF("self"),
    RELATIONSHIP("relationship"),
    SELF_CLAIMED("self-claimed"),
    BREAK_GLASS("break-glass"),
    SECONDARY_USE("secondary-use");

    private final String code;

    Basis(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }
}
