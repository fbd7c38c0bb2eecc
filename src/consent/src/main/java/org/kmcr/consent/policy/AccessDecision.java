package org.kmcr.consent.policy;

import java.util.List;

/**
 * The immutable outcome of {@link AccessPolicy#decide}: permit or deny, the basis it rests on, a reason in words
 * the user can act on, the record categories that may be shown and what the caller must do besides.
 *
 * @param basis       a short code: the relationship kind, {@code self}, {@code break-glass} or a denial code
 * @param categories  the record categories that may be shown; empty when denied
 * @param obligations what the caller must do when it discloses, e.g. {@link #ALERT_PRIVACY_OFFICER}
 */
public record AccessDecision(Verdict verdict, String basis, String reason, List<String> categories,
        List<String> obligations) {

    public static final String ALERT_PRIVACY_OFFICER = org.kmcr.common.consent.AccessDecision.ALERT_PRIVACY_OFFICER;

    public AccessDecision {
        categories = List.copyOf(categories);
        obligations = List.copyOf(obligations);
    }

    static AccessDecision permit(String basis, String reason, List<String> categories, List<String> obligations) {
        return new AccessDecision(Verdict.PERMIT, basis, reason, categories, obligations);
    }

    static AccessDecision deny(String basis, String reason) {
        return new AccessDecision(Verdict.DENY, basis, reason, List.of(), List.of());
    }

    public boolean permitted() {
        return verdict == Verdict.PERMIT;
    }

    /** True when access rests on a stated emergency reason rather than a relationship. */
    public boolean brokeGlass() {
        return permitted() && Basis.BREAK_GLASS.equals(basis);
    }

    /** Permit or deny, written in lower case on the wire. */
    public enum Verdict {
        PERMIT, DENY;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
