package org.kmcr.common.consent;

import java.util.Set;
import java.util.UUID;

/**
 * One item-level rule of a decision, as data: an item it matches is hidden (its existence too) or withheld (shown as
 * "information withheld"). An item matches when every non-empty condition holds: its category, confidentiality,
 * code ({@code system|code}), security labels (any of), id and source organisation are among those listed; and,
 * when {@code exceptSourceOrg} is set, the item does not come from that organisation (a source always sees what it
 * holds).
 *
 * @param rule which rule of the policy made it, for explanations and tests
 */
public record ItemRule(
        String rule,
        Treatment treatment,
        Set<CareCategory> categories,
        Set<String> confidentiality,
        Set<String> codes,
        Set<String> securityLabels,
        Set<UUID> itemIds,
        Set<String> sourceOrgs,
        String exceptSourceOrg) {

    /** How a matched item is treated. */
    public enum Treatment {
        /** Shown as "information withheld": that something is there may be known. */
        WITHHOLD,
        /** Not shown, not counted: its existence is hidden. */
        HIDE
    }

    public ItemRule {
        categories = categories == null ? Set.of() : Set.copyOf(categories);
        confidentiality = confidentiality == null ? Set.of() : Set.copyOf(confidentiality);
        codes = codes == null ? Set.of() : Set.copyOf(codes);
        securityLabels = securityLabels == null ? Set.of() : Set.copyOf(securityLabels);
        itemIds = itemIds == null ? Set.of() : Set.copyOf(itemIds);
        sourceOrgs = sourceOrgs == null ? Set.of() : Set.copyOf(sourceOrgs);
    }

    public boolean matches(ItemFacts item) {
        return (exceptSourceOrg == null || !exceptSourceOrg.equals(item.sourceOrg()))
                && among(categories, item.category())
                && among(confidentiality, item.confidentiality())
                && among(codes, item.systemAndCode())
                && (securityLabels.isEmpty() || item.securityLabels().stream().anyMatch(securityLabels::contains))
                && among(itemIds, item.id())
                && among(sourceOrgs, item.sourceOrg());
    }

    /** An empty condition holds for every value; otherwise the value (never null) must be listed. */
    private static <T> boolean among(Set<T> listed, T value) {
        return listed.isEmpty() || (value != null && listed.contains(value));
    }
}
