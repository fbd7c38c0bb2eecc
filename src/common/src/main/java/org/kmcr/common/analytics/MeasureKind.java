package org.kmcr.common.analytics;

import com.fasterxml.jackson.annotation.JsonValue;
import org.kmcr.common.problem.Coded;

/** An event measure counts people with a matching item in a period; a current one, people with one now. */
public enum MeasureKind implements Coded {
    EVENT("event"), CURRENT("current");

    private final String code;

    MeasureKind(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    public static MeasureKind ofCode(String code) {
        for (MeasureKind kind : values()) {
            if (kind.code.equals(code)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown measure kind " + code);
    }
}
