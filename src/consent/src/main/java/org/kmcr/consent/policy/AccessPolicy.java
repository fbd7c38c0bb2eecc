package org.kmcr.consent.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.kmcr.common.consent.AccessDecision;
import org.kmcr.common.consent.AccessRequest;
import org.kmcr.common.consent.Action;
import org.kmcr.common.consent.Basis;
import org.kmcr.common.consent.BreakGlassReason;
import org.kmcr.common.consent.CallerDetails;
import org.kmcr.common.consent.CareCategory;
import org.kmcr.common.consent.Effect;
import org.kmcr.common.consent.ItemRule;
import org.kmcr.common.consent.Obligation;
import org.kmcr.common.consent.Purpose;
import org.kmcr.common.consent.ReasonCode;
import org.kmcr.common.consent.Redaction;
import org.kmcr.common.security.Roles;

/**
 * Who may see what of a person's record, decided from the request, the facts and the policy data alone. In order:
 * <ol>
 * <li>the role: a citizen acts as the person (their own record only); clinicians and social workers give direct
 * care; analysts do secondary use (analytics, exports); every other role is refused;</li>
 * <li>only sharing partners share: staff and analysts act for an organisation whose agreement is in force on the
 * day and that is not suspended;</li>
 * <li>a person KMCR does not hold is reported as such only now, so the answer tells nobody else what it holds;</li>
 * <li>direct care needs a legitimate relationship (registration, open episode, encounter within the window,
 * referral, allocation, care team) or a self-claimed one, or breaking glass with a reason, which lasts for the
 * break-glass window; the last two alert a privacy officer (so does every access within the window);</li>
 * <li>an objection shares nothing but that it exists and whom to contact, unless glass is broken for the person's
 * vital interests; secondary use also stops at the national data opt-out;</li>
 * <li>within the role's categories ({@link ItemRules}): restrictions, restricted and very restricted items,
 * legally protected codes, safeguarding (direct-care staff only), what the citizen view leaves out, and the
 * redaction of a sensitive person's contact details.</li>
 * </ol>
 */
public final class AccessPolicy {

    /** The staff roles that give direct-care access, in the order a caller holding several acts in. */
    public static final List<String> STAFF_ROLES = List.of(Roles.CLINICIAN, Roles.SOCIAL_WORKER);
    /** The roles that do secondary use. */
    public static final List<String> SECONDARY_USE_ROLES = List.of(Roles.ANALYST);

    private static final Comparator<CareRelationship> LEGITIMATE_FIRST =
            Comparator.comparing(CareRelationship::selfClaimed).thenComparing(CareRelationship::kind);

    private AccessPolicy() {
    }

    public static AccessDecision decide(AccessRequest request, AccessFacts facts, PolicyData policy) {
        CallerDetails caller = request.caller();
        Optional<String> role = actingRole(caller, request.purpose());
        if (role.isEmpty()) {
            return roleNotPermitted(caller, request.purpose());
        }
        if (Roles.PATIENT.equals(role.get())) {
            return forCitizen(request, facts, policy);
        }
        if (request.action() == Action.CITIZEN_VIEW) {
            return AccessDecision.deny(ReasonCode.ACTION_NOT_PERMITTED, "The citizen view is for the person "
                    + "themself.");
        }
        Optional<AccessDecision> partnerRefusal = partnerRefusal(caller.orgCode(), facts);
        if (partnerRefusal.isPresent()) {
            return partnerRefusal.get();
        }
        if (request.action() == Action.ANALYTICS && request.personId() == null && request.nhsNumber() == null) {
            return forPopulation(role.get(), policy);
        }
        if (request.personId() == null) {
            return noRecord();
        }
        return request.purpose() == Purpose.SECONDARY_USE ? forSecondaryUse(role.get(), request, facts, policy)
                : forStaff(role.get(), request, facts, policy);
    }

    /**
     * The role a caller acts in: for direct care, patient when they hold it, otherwise the first staff role they
     * hold; for secondary use, a secondary-use role. Empty when they hold none of these.
     */
    public static Optional<String> actingRole(CallerDetails caller, Purpose purpose) {
        if (purpose == Purpose.SECONDARY_USE) {
            return SECONDARY_USE_ROLES.stream().filter(caller.roles()::contains).findFirst();
        }
        if (caller.roles().contains(Roles.PATIENT)) {
            return Optional.of(Roles.PATIENT);
        }
        return STAFF_ROLES.stream().filter(caller.roles()::contains).findFirst();
    }

    private static AccessDecision forCitizen(AccessRequest request, AccessFacts facts, PolicyData policy) {
        String own = request.caller().nhsNumber();
        if (request.nhsNumber() == null || !request.nhsNumber().equals(own)) {
            return AccessDecision.deny(ReasonCode.NOT_OWN_RECORD, "Citizens may see only their own record.");
        }
        if (request.personId() == null) {
            return noRecord();
        }
        Set<CareCategory> categories = policy.categories().forRole(Roles.PATIENT);
        categories.remove(CareCategory.SAFEGUARDING);
        return permit(Basis.SELF, null, "This is your own record.", categories,
                ItemRules.forCitizen(facts, policy), List.of(), false);
    }

    private static Optional<AccessDecision> partnerRefusal(String org, AccessFacts facts) {
        if (org == null || org.isBlank()) {
            return Optional.of(AccessDecision.deny(ReasonCode.NOT_A_SHARING_PARTNER, "You act for no "
                    + "organisation; only organisations that have signed the joint controllers' agreement can see "
                    + "shared records."));
        }
        PartnerAgreement agreement = facts.partner();
        if (agreement == null || !agreement.inForceOn(facts.today())) {
            return Optional.of(AccessDecision.deny(ReasonCode.NOT_A_SHARING_PARTNER, notAPartner(org, agreement,
                    facts)));
        }
        if (agreement.suspendedOn(facts.today())) {
            return Optional.of(AccessDecision.deny(ReasonCode.PARTNER_SUSPENDED, org + "'s sharing has been "
                    + "suspended since " + agreement.suspendedOn() + "; it cannot see shared records until the "
                    + "suspension is lifted."));
        }
        return Optional.empty();
    }

    private static AccessDecision forStaff(String role, AccessRequest request, AccessFacts facts,
            PolicyData policy) {
        String org = request.caller().orgCode();
        Optional<CareRelationship> relationship = facts.relationships().stream()
                .filter(r -> r.activeOn(facts.today(), policy.encounterWindowDays())).min(LEGITIMATE_FIRST);
        boolean breaksGlass = request.breakGlass() != null;
        boolean vitalInterests = breaksGlass && request.breakGlass().reason() == BreakGlassReason.VITAL_INTERESTS;
        Optional<Directive> objection = facts.directives().stream()
                .filter(d -> d.kind() == Directive.Kind.OBJECTION && d.appliesTo(org)).findFirst();
        if (objection.isPresent() && !vitalInterests) {
            return objected(objection.get());
        }
        Set<CareCategory> categories = policy.categories().forRole(role);
        if (relationship.isPresent() && objection.isEmpty()) {
            CareRelationship found = relationship.get();
            boolean claimed = found.selfClaimed();
            return permit(claimed ? Basis.SELF_CLAIMED : Basis.RELATIONSHIP, found.kind(), claimed
                    ? org + " has a self-claimed relationship with this person; a privacy officer will be alerted."
                    : org + " has an active " + found.kind() + " relationship with this person.", categories,
                    ItemRules.forStaff(org, false, false, facts, policy), redactions(org, policy), claimed);
        }
        if (breaksGlass) {
            return permit(Basis.BREAK_GLASS, null, (objection.isPresent() ? "The person has objected to sharing; "
                    + "you broke glass for their vital interests" : org + " has no relationship with this person: "
                    + "access is by break-glass") + " and will be reviewed by a privacy officer.", categories,
                    ItemRules.forStaff(org, true, vitalInterests, facts, policy), redactions(org, policy), true);
        }
        if (withinBreakGlassWindow(facts, policy)) {
            Instant until = facts.lastBreakGlassAt().plus(Duration.ofHours(policy.breakGlassHours()));
            // every access within the window is reported to the privacy officer, and joins the break glass's review
            return permit(Basis.BREAK_GLASS, null, "You broke glass for this person; access lasts until " + until
                    + " and every access is reviewed by a privacy officer.", categories,
                    ItemRules.forStaff(org, true, false, facts, policy), redactions(org, policy), true);
        }
        return AccessDecision.deny(ReasonCode.NO_LEGITIMATE_RELATIONSHIP, org + " has no legitimate relationship "
                + "with this person. In an emergency you may break glass by stating your reason; the access will "
                + "be reviewed by a privacy officer.");
    }

    /** True while the break glass this professional last made for this person lasts. */
    public static boolean withinBreakGlassWindow(AccessFacts facts, PolicyData policy) {
        return facts.lastBreakGlassAt() != null && facts.now() != null
                && facts.now().isBefore(facts.lastBreakGlassAt().plus(Duration.ofHours(policy.breakGlassHours())));
    }

    private static AccessDecision forSecondaryUse(String role, AccessRequest request, AccessFacts facts,
            PolicyData policy) {
        if (facts.optedOut()) {
            return AccessDecision.deny(ReasonCode.OPTED_OUT, "This person has registered a national data opt-out: "
                    + "their record is not used for analytics or exports.");
        }
        Optional<Directive> objection = facts.directives().stream()
                .filter(d -> d.kind() == Directive.Kind.OBJECTION).findFirst();
        if (objection.isPresent()) {
            return objected(objection.get());
        }
        Set<CareCategory> categories = policy.categories().forRole(role);
        categories.remove(CareCategory.SAFEGUARDING);
        return permit(Basis.SECONDARY_USE, null, "Secondary use: the person has not opted out.", categories,
                ItemRules.forSecondaryUse(facts, policy), redactions(request.caller().orgCode(), policy), false);
    }

    /**
     * Population analytics (issue 13): about no one person, so no relationship, objection or opt-out of a person
     * applies here; the caller must exclude the national data opt-out from every figure and release aggregates only.
     */
    private static AccessDecision forPopulation(String role, PolicyData policy) {
        Set<CareCategory> categories = policy.categories().forRole(role);
        categories.remove(CareCategory.SAFEGUARDING);
        return permit(Basis.SECONDARY_USE, null, "Population analytics: aggregates only, without the people on the "
                + "national data opt-out.", categories, List.of(), List.of(), false);
    }

    private static AccessDecision objected(Directive objection) {
        String contact = objection.contact();
        return new AccessDecision(Effect.DENY, null, null, ReasonCode.OBJECTION, "This person has objected to "
                + "sharing their record. To discuss it, contact " + contact + ". In an emergency where their vital "
                + "interests are at stake you may break glass; a privacy officer will review it.", List.of(),
                List.of(), List.of(), List.of(), contact);
    }

    private static List<Redaction> redactions(String org, PolicyData policy) {
        return List.of(new Redaction(policy.sensitivePersonFlags(), EnumSet.allOf(Redaction.Field.class), org));
    }

    private static AccessDecision permit(Basis basis, String relationshipKind, String reason,
            Set<CareCategory> categories, List<ItemRule> rules, List<Redaction> redactions, boolean alert) {
        List<Obligation> obligations = alert ? List.of(Obligation.AUDIT_DISCLOSURE,
                Obligation.ALERT_PRIVACY_OFFICER) : List.of(Obligation.AUDIT_DISCLOSURE);
        return new AccessDecision(Effect.PERMIT, basis, relationshipKind, null, reason, new ArrayList<>(categories),
                rules, redactions, obligations, null);
    }

    /** Said only once nothing about the caller alone refuses them, so that it tells no one else what KMCR holds. */
    private static AccessDecision noRecord() {
        return AccessDecision.deny(ReasonCode.NO_RECORD, "KMCR holds no record for this NHS number.");
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

    private static AccessDecision roleNotPermitted(CallerDetails caller, Purpose purpose) {
        String held = caller.roles().isEmpty() ? "no role" : String.join(", ", new TreeSet<>(caller.roles()));
        return AccessDecision.deny(ReasonCode.ROLE_NOT_PERMITTED, purpose == Purpose.SECONDARY_USE
                ? "Analytics and exports are for analysts; the caller holds " + held + "."
                : "Identifiable records are shown for direct care only, to clinicians, social workers and the "
                + "person themself; the caller holds " + held + ".");
    }
}
