package org.kmcr.common.consent;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.kmcr.common.problem.Coded;

/** Where a citizen's correction request stands: open until the source organisation has answered it. */
public enum CorrectionStatus implements Coded {
    OPEN, CORRECTED, DECLINED;

    @Override
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
