package org.kmcr.consent.policy;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.kmcr.common.security.Roles;
import org.kmcr.consent.policy.AccessRequest.Requester;

/**
 * Who may see a person's record, decided from the request and the facts alone. The rules, in order:
 * <ol>
 * <li>only direct care is decided here;</li>
 * <li>a citizen sees their own record, every category, and nobody else's;</li>
 * <li>staff (clinicians, then social workers) act for an organisation that must be a sharing partner on the
 * day; then an active relationship between it and the person permits, its kind being the basis (a
 * self-claimed one also alerts a privacy officer); failing that, a stated break-glass reason permits and
 * alerts a privacy officer; otherwise access is denied;</li>
 * <li>every other role is denied.</li>
 * </ol>
 * Only once nothing about the caller alone refuses them is a person that KMCR does not hold reported as such
 * ({@link Basis#NO_RECORD}), so that callers who could never see a record get the same answer for every number.
 * Staff see the categories the role x category policy gives their role. Later rules (objections and
 * restrictions, sensitive categories, the national data opt-out) become further steps here, fed by new fields
 * of {@link AccessFacts}.
 */
public final class AccessPolicy {

    /** The shortest break-glass reason accepted, counted after trimming. */
    public static final int MIN_BREAK_GLASS_REASON = 10;

    /** The staff roles that give direct-care access, in the order a caller holding several acts in. */
    static final List<String> STAFF_ROLES = List.of(Roles.CLINICIAN, Roles.SOCIAL_WORKER);

    private static final Comparator<CareRelationship> LEGITIMATE_FIRST =
            Comparator.comparing(CareRelationship::selfClaimed).thenComparing(CareRelationship::kind);

    private AccessPolicy() {
    }

    public static AccessDecision decide(AccessRequest request, AccessFacts facts) {
        Requester requester = request.requester();
        if (!AccessRequest.DIRECT_CARE.equals(request.purpose())) {
            return AccessDecision.deny(Basis.PURPOSE_NOT_SUPPORTED, "Only direct care access is decided here; "
                    + "secondary use goes through analytics, where the national data opt-out applies.");
        }
        return actingRole(requester)
                .map(role -> Roles.PATIENT.equals(role) ? forCitizen(request, facts) : forStaff(role, request, facts))
                .orElseGet(() -> roleNotPermitted(requester));
    }

    /**
     * The role a requester acts in for direct care: patient when they hold it, otherwise the first staff role
     * they hold; empty when they hold none of these.
     */
    public static Optional<String> actingRole(Requester requester) {
        if (requester.roles().contains(Roles.PATIENT)) {
            return Optional.of(Roles.PATIENT);
        }
        return STAFF_ROLES.stream().filter(requester.roles()::contains).findFirst();
    }

    /** True when a break-glass reason is long enough to be acted on. */
    public static boolean isBreakGlassReason(String reason) {
        return reason != null && reason.strip().length() >= MIN_BREAK_GLASS_REASON;
    }

    private static AccessDecision forCitizen(AccessRequest request, AccessFacts facts) {
        boolean ownRecord = request.nhsNumber() != null && request.nhsNumber().equals(request.requester().nhsNumber());
        if (!ownRecord) {
            return AccessDecision.deny(Basis.NOT_OWN_RECORD, "Citizens may see only their own record.");
        }
        return request.personId() == null ? noRecord()
                : AccessDecision.permit(Basis.SELF, "This is your own record.",
                        List.copyOf(facts.categories().allCategories()), List.of());
    }

    /** Said only once nothing about the caller alone refuses them, so that it tells no one else what KMCR holds. */
    private static AccessDecision noRecord() {
        return AccessDecision.deny(Basis.NO_RECORD, "KMCR holds no record for this NHS number.");
    }

    private static AccessDecision forStaff(String role, AccessRequest request, AccessFacts facts) {
        String org = request.requester().orgCode();
        if (org == null || org.isBlank()) {
            return AccessDecision.deny(Basis.NOT_A_SHARING_PARTNER, "You act for no organisation; only organisations "
                    + "that have signed the joint controllers' agreement can see shared records.");
        }
        PartnerAgreement agreement = facts.partner();
        if (agreement == null || !agreement.inForceOn(facts.today())) {
            return AccessDecision.deny(Basis.NOT_A_SHARING_PARTNER, notAPartner(org, agreement, facts));
        }
        if (request.personId() == null) {
            return noRecord();
        }
        List<String> categories = List.copyOf(facts.categories().forRole(role));
        Optional<CareRelationship> relationship = facts.relationships().stream()
                .filter(r -> r.activeOn(facts.today())).min(LEGITIMATE_FIRST);
        if (relationship.isPresent()) {
            return throughRelationship(org, relationship.get(), categories);
        }
        if (isBreakGlassReason(request.breakGlassReason())) {
            return AccessDecision.permit(Basis.BREAK_GLASS, org + " has no relationship with this person: access is "
                    + "by break-glass and will be reviewed by a privacy officer.", categories,
                    List.of(AccessDecision.ALERT_PRIVACY_OFFICER));
        }
        return AccessDecision.deny(Basis.NO_LEGITIMATE_RELATIONSHIP, org + " has no legitimate relationship with this "
                + "person. In an emergency you may break glass by stating your reason; the access will be reviewed "
                + "by a privacy officer.");
    }

    private static AccessDecision throughRelationship(String org, CareRelationship relationship,
            List<String> categories) {
        if (relationship.selfClaimed()) {
            return AccessDecision.permit(relationship.kind(), org + " has a self-claimed relationship with this "
                    + "person; a privacy officer will be alerted.", categories,
                    List.of(AccessDecision.ALERT_PRIVACY_OFFICER));
        }
        return AccessDecision.permit(relationship.kind(),
                org + " has an active " + relationship.kind() + " relationship with this person.", categories,
                List.of());
    }

    private static String notAPartner(String org, PartnerAgreement agreement, AccessFacts facts) {
        if (agreement == null) {
            return org + " is not a sharing partner: only organisations that have signed the joint controllers' "
                    + "agreement can see shared records.";
        }
        if (facts.today().isBefore(agreement.signedOn())) {
            return org + "'s joint controllers' agreement takes effect on " + agreement.signedOn()
                    + "; until then it cannot see shared records.";
        }
        return org + " withdrew from the joint controllers' agreement on " + agreement.withdrawnOn()
                + ", so it can no longer see shared records.";
    }

    private static AccessDecision roleNotPermitted(Requester requester) {
        String held = requester.roles().isEmpty() ? "no role" : String.join(", ", new TreeSet<>(requester.roles()));
        return AccessDecision.deny(Basis.ROLE_NOT_PERMITTED, "Identifiable records are shown for direct care only, "
                + "to clinicians, social workers and the person themself; the caller holds " + held + ".");
    }
}
