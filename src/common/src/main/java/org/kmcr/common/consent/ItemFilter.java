package org.kmcr.common.consent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Applies a decision's categories, item rules and redactions to items, the same pure code for every read path:
 * what is shown, which categories show "information withheld" (only where a rule allows even that), and which
 * parts of the person's details are redacted. Items of a category the decision does not permit, and items a
 * {@link ItemRule.Treatment#HIDE} rule matches, leave no trace.
 */
public final class ItemFilter {

    /** How one item is treated. */
    public enum Visibility { SHOWN, WITHHELD, HIDDEN }

    private ItemFilter() {
    }

    public static Visibility visibility(AccessDecision decision, ItemFacts item) {
        if (!decision.permitted() || item.category() == null || !decision.categories().contains(item.category())) {
            return Visibility.HIDDEN;
        }
        Visibility result = Visibility.SHOWN;
        for (ItemRule rule : decision.itemRules()) {
            if (rule.matches(item)) {
                if (rule.treatment() == ItemRule.Treatment.HIDE) {
                    return Visibility.HIDDEN;
                }
                result = Visibility.WITHHELD;
            }
        }
        return result;
    }

    /** The decision's redactions that apply to this person: those whose flag one of the person's items carries. */
    public static List<Redaction> activeRedactions(AccessDecision decision, Collection<ItemFacts> personItems) {
        return decision.redactions().stream().filter(r -> personItems.stream().anyMatch(r::flags)).toList();
    }

    /** The parts of an item's details that the active redactions remove. */
    public static Set<Redaction.Field> redactedFields(List<Redaction> active, ItemFacts item) {
        Set<Redaction.Field> fields = EnumSet.noneOf(Redaction.Field.class);
        active.stream().filter(r -> r.appliesTo(item)).forEach(r -> fields.addAll(r.fields()));
        return fields;
    }

    /**
     * Splits items into those shown (in their order) and the number withheld per category.
     *
     * @param facts how to read an item's facts
     */
    public static <T> Result<T> apply(AccessDecision decision, List<T> items, Function<T, ItemFacts> facts) {
        List<T> shown = new ArrayList<>();
        Map<CareCategory, Integer> withheld = new TreeMap<>();
        for (T item : items) {
            ItemFacts f = facts.apply(item);
            switch (visibility(decision, f)) {
                case SHOWN -> shown.add(item);
                case WITHHELD -> withheld.merge(f.category(), 1, Integer::sum);
                case HIDDEN -> { }
            }
        }
        return new Result<>(List.copyOf(shown), Map.copyOf(withheld));
    }

    /** The items shown and, per category, how many were withheld. */
    public record Result<T>(List<T> shown, Map<CareCategory, Integer> withheld) {

        /** The categories that show "information withheld", in order. */
        public List<CareCategory> withheldCategories() {
            return withheld.keySet().stream().sorted().toList();
        }

        /**
         * One page of what is shown: the total counts only shown items, so it reveals nothing hidden or withheld,
         * and every page is full except the last.
         */
        public Page<T> page(int offset, int count) {
            if (offset < 0 || count < 1) {
                throw new IllegalArgumentException("offset must be 0 or more and count 1 or more");
            }
            int from = Math.min(offset, shown.size());
            return new Page<>(shown.size(), shown.subList(from, Math.min(shown.size(), from + count)));
        }
    }

    /** A page of shown items and the total number shown. */
    public record Page<T>(int total, List<T> items) {
    }
}
