package org.kmcr.common.consent;

import java.util.List;

/**
 * Consent's answer: permit or deny, on what basis (or, denied, why), in words a user can read, which categories
 * may be shown, the item-level rules and redactions that apply within them (applied by {@link ItemFilter}), and what
 * the caller must do besides (obligations, in their enum order). A caller that cannot fulfil every obligation must not disclose.
 *
 * @param basis            what a permit rests on; null when denied
 * @param relationshipKind the kind of relationship a permit rests on (gp-registration, referral, ...); else null
 * @param reasonCode       why it was denied; null when permitted
 * @param contact          for an objection: whom to contact about it; else null
 */
public record AccessDecision(Effect effect, Basis basis, String relationshipKind, ReasonCode reasonCode,
        String reason, List<CareCategory> categories, List<ItemRule> itemRules, List<Redaction> redactions,
        List<Obligation> obligations, String contact) {

    /**
     * The audit log's basis of a break-glass access ({@link #auditBasis()}), kept as text for the audit service,
     * which reads audit entries rather than decisions.
     */
    public static final String BREAK_GLASS = Basis.BREAK_GLASS.code();

    public AccessDecision {
        categories = categories == null ? List.of() : List.copyOf(categories);
        itemRules = itemRules == null ? List.of() : List.copyOf(itemRules);
        redactions = redactions == null ? List.of() : List.copyOf(redactions);
        obligations = obligations == null ? List.of() : obligations.stream().distinct().sorted().toList();
    }

    public static AccessDecision deny(ReasonCode code, String reason) {
        return new AccessDecision(Effect.DENY, null, null, code, reason, List.of(), List.of(), List.of(), List.of(),
                null);
    }

    public boolean permitted() {
        return effect == Effect.PERMIT;
    }

    public boolean brokeGlass() {
        return basis == Basis.BREAK_GLASS;
    }

    public boolean obliges(Obligation obligation) {
        return obligations.contains(obligation);
    }

    /** The category codes, for queries and the audit log. */
    public List<String> categoryCodes() {
        return categories.stream().map(CareCategory::code).toList();
    }

    /** The basis as the audit log records it: the relationship kind, the basis, or the reason for a denial. */
    public String auditBasis() {
        if (!permitted()) {
            return reasonCode.code();
        }
        return relationshipKind != null ? relationshipKind : basis.code();
    }
}
