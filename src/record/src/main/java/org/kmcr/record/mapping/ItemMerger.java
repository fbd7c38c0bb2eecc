package org.kmcr.record.mapping;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.kmcr.common.record.ItemConflict;
import org.kmcr.common.record.Provenance;
import org.kmcr.common.record.RecordItem;

/**
 * De-duplicates the items of one category across sources: the same medication, allergy, condition or immunisation
 * reported by the GP and the hospital is one item with every reporting source. The matching rule:
 * <ol>
 * <li>two items are the same thing when they have the same code in the same code system (systems compared without
 * case or a trailing slash), whatever their resource type (a MedicationStatement and a MedicationRequest of one
 * drug are one medication);</li>
 * <li>items without a code are the same when their displays are equal once normalised (case, accents, punctuation
 * and spacing ignored); an item with neither a code nor a display is never merged;</li>
 * <li>the same thing is merged only with items of the same standing: current (active, on hold, intended, or no
 * status) or ended (stopped, completed, resolved, inactive, ...). When one source says current and another
 * ended, both items are shown and a {@code status-disagreement} conflict says so: never resolved silently.</li>
 * </ol>
 * A merged item shows the most recently received report (its id, version and details) and lists every source, the
 * most recently received first. Other categories (encounters, results, documents, ...) are never merged: two
 * reports there are two events.
 */
final class ItemMerger {

    static final Set<String> MERGED_CATEGORIES = Set.of("medications", "allergies", "conditions", "immunisations");
    static final Set<String> ENDED = Set.of("stopped", "completed", "entered-in-error", "not-taken", "inactive",
            "resolved", "remission", "refuted", "cancelled", "revoked", "ended", "finished");

    /** The merged items (in the order of their most recent member) and the disagreements found. */
    record Merged(List<RecordItem> items, List<ItemConflict> conflicts) {
    }

    private ItemMerger() {
    }

    static Merged merge(String category, List<DescribedItem> items) {
        if (!MERGED_CATEGORIES.contains(category)) {
            return new Merged(items.stream().map(i -> recordItem(List.of(i))).toList(), List.of());
        }
        Map<String, List<DescribedItem>> groups = new LinkedHashMap<>();
        for (DescribedItem item : items) {
            String key = key(item);
            groups.computeIfAbsent(key == null ? "id:" + item.item().id : key + "#" + standing(item),
                    k -> new ArrayList<>()).add(item);
        }
        List<RecordItem> merged = new ArrayList<>();
        Map<String, List<RecordItem>> bySubject = new LinkedHashMap<>();
        groups.forEach((groupKey, group) -> {
            RecordItem item = recordItem(group);
            merged.add(item);
            if (!groupKey.startsWith("id:")) {
                bySubject.computeIfAbsent(groupKey.substring(0, groupKey.lastIndexOf('#')), k -> new ArrayList<>())
                        .add(item);
            }
        });
        List<ItemConflict> conflicts = new ArrayList<>();
        bySubject.values().stream().filter(same -> same.size() > 1).forEach(same -> {
            Set<String> orgs = same.stream().flatMap(i -> i.sources().stream()).map(Provenance::sourceOrg)
                    .collect(Collectors.toSet());
            if (orgs.size() > 1) {
                conflicts.add(new ItemConflict("status-disagreement", explain(category, same),
                        same.stream().map(RecordItem::id).toList()));
            }
        });
        return new Merged(merged, conflicts);
    }

    /** The matching key: code system and code, or the normalised display; null when the item has neither. */
    static String key(DescribedItem item) {
        ItemDescription d = item.description();
        if (d.code() != null && !d.code().isBlank()) {
            String system = d.codeSystem() == null ? "" : d.codeSystem().strip().toLowerCase(Locale.ROOT)
                    .replaceAll("/+$", "");
            return "code:" + system + "|" + d.code().strip();
        }
        String display = normalise(d.display());
        return display.isEmpty() ? null : "text:" + display;
    }

    static String normalise(String text) {
        if (text == null) {
            return "";
        }
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", " ").strip();
    }

    static boolean current(String status) {
        return status == null || !ENDED.contains(status.toLowerCase(Locale.ROOT));
    }

    private static String standing(DescribedItem item) {
        return current(item.description().status()) ? "current" : "ended";
    }

    private static RecordItem recordItem(List<DescribedItem> group) {
        List<DescribedItem> newestFirst = group.stream()
                .sorted(Comparator.comparing((DescribedItem i) -> i.item().receivedAt,
                        Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
        DescribedItem first = newestFirst.get(0);
        ItemDescription d = first.description();
        return new RecordItem(first.item().id, first.item().category, first.item().resourceType, d.codeSystem(),
                d.code(), d.display(), d.status(), first.item().effectiveAt, first.item().confidentiality,
                first.item().version, newestFirst.stream().map(i -> SummaryMapper.provenance(i.item())).toList());
    }

    private static String explain(String category, List<RecordItem> same) {
        String what = same.get(0).display() == null ? "this item" : same.get(0).display();
        String says = same.stream().map(i -> i.sources().stream().map(Provenance::sourceOrg).distinct()
                        .collect(Collectors.joining(", ")) + " " + (current(i.status()) ? "lists it as current"
                        : "lists it as " + i.status()))
                .collect(Collectors.joining("; "));
        return "The sources disagree about " + what + " (" + category + "): " + says + ". Check with them.";
    }
}
