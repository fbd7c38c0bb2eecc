package org.kmcr.common.consent;

import com.fasterxml.jackson.annotation.JsonValue;
import org.kmcr.common.problem.Coded;
import java.util.Locale;

/** Whether a decision lets the caller see anything at all. */
public enum Effect implements Coded {
    PERMIT, DENY;

    @Override
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
