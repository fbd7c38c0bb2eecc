package org.kmcr.common.consent;

import com.fasterxml.jackson.annotation.JsonValue;
import org.kmcr.common.problem.Coded;

/** What a caller must do when it discloses on a decision; one it cannot fulfil forbids the disclosure. */
public enum Obligation implements Coded {
    /** Have the audit service commit the access, with the categories shown, before returning anything. */
    AUDIT_DISCLOSURE("audit-disclosure"),
    /** Queue a privacy officer's review of the committed disclosure (break glass, self-claimed relationship). */
    ALERT_PRIVACY_OFFICER("alert-privacy-officer");

    private final String code;

    Obligation(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }
}
