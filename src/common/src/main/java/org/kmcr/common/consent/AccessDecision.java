package org.kmcr.common.consent;

import java.util.List;

/**
 * The consent service's answer: permit or deny, on what basis, which categories may be shown, and what the caller
 * must do besides (obligations). A caller that cannot fulfil every obligation must not disclose.
 */
public record AccessDecision(String decision, String basis, String reason, List<String> categories,
        List<String> obligations) {

    public static final String PERMIT = "permit";
    public static final String DENY = "deny";
    /** Obligation: a privacy officer must be alerted (a review queued) for every disclosure on this decision. */
    public static final String ALERT_PRIVACY_OFFICER = "alert-privacy-officer";
    /** Basis of a denial because KMCR holds no record for the person (and the caller could otherwise see one). */
    public static final String NO_RECORD = "no-record";
    /** Basis of an access by breaking glass. */
    public static final String BREAK_GLASS = "break-glass";

    public AccessDecision {
        categories = categories == null ? List.of() : List.copyOf(categories);
        obligations = obligations == null ? List.of() : List.copyOf(obligations);
    }

    public boolean permitted() {
        return PERMIT.equals(decision);
    }
}
