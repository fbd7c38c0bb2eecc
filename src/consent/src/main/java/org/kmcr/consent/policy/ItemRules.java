package org.kmcr.consent.policy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.kmcr.common.consent.CareCategory;
import org.kmcr.common.consent.ItemRule;
import org.kmcr.common.consent.ItemRule.Treatment;

/**
 * The item-level rules of a permit, as data for {@link org.kmcr.common.consent.ItemFilter}: restricted (R) items
 * are withheld outside their source organisation unless glass is broken; very restricted (V) items are hidden,
 * existence and all, outside their source; legally protected codes are hidden outside their source unless the
 * person recorded consent to share them with the caller's organisation; restrictions withhold what they name
 * (except from its own source, and except when glass is broken for vital interests). The citizen view also hides
 * what the source marked not-for-patient-view and third-party information; secondary use sees no R, V or
 * protected item at all.
 */
final class ItemRules {

    static final String CONFIDENTIALITY_RESTRICTED = "R";
    static final String CONFIDENTIALITY_VERY_RESTRICTED = "V";
    /** A restricted Patient is the sensitive-person flag, which redacts rather than withholds. */
    static final Set<CareCategory> CLINICAL = EnumSet.complementOf(EnumSet.of(CareCategory.DEMOGRAPHICS));

    private ItemRules() {
    }

    static List<ItemRule> forStaff(String org, boolean brokeGlass, boolean vitalInterests, AccessFacts facts,
            PolicyData policy) {
        List<ItemRule> rules = new ArrayList<>();
        if (!brokeGlass) {
            rules.add(restricted(Treatment.WITHHOLD, org));
        }
        rules.add(veryRestricted(org));
        boolean consented = facts.directives().stream()
                .anyMatch(d -> d.kind() == Directive.Kind.CONSENT_TO_SHARE && d.appliesTo(org));
        if (!consented) {
            protectedCodes(policy, org).ifPresent(rules::add);
        }
        if (!vitalInterests) {
            rules.addAll(restrictions(facts, org));
        }
        return rules;
    }

    static List<ItemRule> forCitizen(AccessFacts facts, PolicyData policy) {
        List<ItemRule> rules = new ArrayList<>();
        rules.add(restricted(Treatment.WITHHOLD, null));
        rules.add(veryRestricted(null));
        protectedCodes(policy, null).ifPresent(rules::add);
        labelled("not-for-patient-view", policy.notForPatientView()).ifPresent(rules::add);
        labelled("third-party", policy.thirdParty()).ifPresent(rules::add);
        return rules;
    }

    static List<ItemRule> forSecondaryUse(AccessFacts facts, PolicyData policy) {
        List<ItemRule> rules = new ArrayList<>();
        rules.add(restricted(Treatment.HIDE, null));
        rules.add(veryRestricted(null));
        protectedCodes(policy, null).ifPresent(rules::add);
        rules.addAll(restrictions(facts, null));
        return rules;
    }

    private static ItemRule restricted(Treatment treatment, String org) {
        return new ItemRule("restricted", treatment, CLINICAL, Set.of(CONFIDENTIALITY_RESTRICTED), null, null, null,
                null, org);
    }

    private static ItemRule veryRestricted(String org) {
        return new ItemRule("very-restricted", Treatment.HIDE, null, Set.of(CONFIDENTIALITY_VERY_RESTRICTED), null,
                null, null, null, org);
    }

    /** Empty when no code is listed: a rule with no codes would match every item. */
    private static Optional<ItemRule> protectedCodes(PolicyData policy, String org) {
        return policy.protectedCodes().isEmpty() ? Optional.empty() : Optional.of(new ItemRule("legally-protected",
                Treatment.HIDE, null, null, policy.protectedCodes(), null, null, null, org));
    }

    /** Empty when no label is listed: a rule with no labels would match every item. */
    private static Optional<ItemRule> labelled(String rule, Set<String> labels) {
        return labels.isEmpty() ? Optional.empty()
                : Optional.of(new ItemRule(rule, Treatment.HIDE, null, null, null, labels, null, null, null));
    }

    private static List<ItemRule> restrictions(AccessFacts facts, String org) {
        return facts.directives().stream()
                .filter(d -> d.kind() == Directive.Kind.RESTRICTION && (org == null || d.appliesTo(org)))
                .map(d -> new ItemRule("restriction", Treatment.WITHHOLD, d.categories(), null, null, null,
                        d.itemIds(), d.sourceOrgs(), org))
                .toList();
    }
}
