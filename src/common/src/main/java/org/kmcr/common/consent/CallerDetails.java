package org.kmcr.common.consent;

import java.util.Set;
import org.kmcr.common.security.Caller;

/** The end user a decision is about, as record-query took them from their verified token. */
public record CallerDetails(String userId, String displayName, Set<String> roles, String orgCode, String roleCode,
        String nhsNumber) {

    public static CallerDetails of(Caller caller) {
        return new CallerDetails(caller.userId(), caller.displayName(), caller.roles(), caller.orgCode(),
                caller.roleCode(), caller.nhsNumber());
    }
}
