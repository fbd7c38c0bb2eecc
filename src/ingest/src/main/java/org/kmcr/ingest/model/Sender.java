package org.kmcr.ingest.model;

import org.kmcr.common.problem.ProblemException;
import org.kmcr.common.security.Caller;

/**
 * Who sent a submission: the organisation and system bound to the partner's client credentials, never
 * what the payload claims.
 */
public record Sender(String orgCode, String system) {

    public static Sender of(Caller caller) {
        if (caller.orgCode() == null || caller.orgCode().isBlank()) {
            throw ProblemException.forbidden(
                    "Your client is not bound to an organisation (no org_code claim), so it cannot send records");
        }
        return new Sender(caller.orgCode(), caller.clientId());
    }
}
