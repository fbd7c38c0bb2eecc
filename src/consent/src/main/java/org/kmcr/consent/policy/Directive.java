package org.kmcr.consent.policy;

import java.util.Set;
import java.util.UUID;
import org.kmcr.common.consent.CareCategory;

/**
 * A person's directive in force, as a privacy officer recorded it after review: an objection to sharing, a
 * restriction (of categories, of items, of what some organisations hold), or a consent to share legally protected
 * information. Empty sets mean "any".
 *
 * @param recipientOrgs the organisations it applies to when they look; empty: every organisation
 * @param contact       whom to contact about it, shown with an objection
 */
public record Directive(Kind kind, Set<CareCategory> categories, Set<String> sourceOrgs, Set<UUID> itemIds,
        Set<String> recipientOrgs, String contact) {

    public Directive {
        categories = Set.copyOf(categories);
        sourceOrgs = Set.copyOf(sourceOrgs);
        itemIds = Set.copyOf(itemIds);
        recipientOrgs = Set.copyOf(recipientOrgs);
    }

    /** What the directive says. */
    public enum Kind {
        OBJECTION("objection"), RESTRICTION("restriction"), CONSENT_TO_SHARE("consent-to-share");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Kind ofCode(String code) {
            for (Kind kind : values()) {
                if (kind.code.equals(code)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("unknown directive kind " + code);
        }
    }

    /** True when it applies to what the organisation sees (null: a caller with no organisation, e.g. a citizen). */
    public boolean appliesTo(String org) {
        return recipientOrgs.isEmpty() || (org != null && recipientOrgs.contains(org));
    }

    /** True when it restricts everything rather than some categories, items or sources. */
    public boolean everything() {
        return categories.isEmpty() && sourceOrgs.isEmpty() && itemIds.isEmpty();
    }
}
