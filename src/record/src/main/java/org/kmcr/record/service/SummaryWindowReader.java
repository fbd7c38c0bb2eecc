package org.kmcr.record.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kmcr.common.consent.AccessDecision;
import org.kmcr.common.consent.CareCategory;
import org.kmcr.common.consent.ItemFilter;
import org.kmcr.common.identity.PersonIdentities;
import org.kmcr.record.config.RecordConfig;
import org.kmcr.record.model.ItemQuery;
import org.kmcr.record.model.Position;
import org.kmcr.record.repository.RecentItemRepository;
import org.kmcr.recordmodel.model.CareItem;

/**
 * Reads a bounded summary: the most recent {@code summaryItemsPerCategory} items the caller may see of each
 * permitted category, and which categories have more. Each category is read recent first in windows of one more
 * than is shown; only when items of a window are hidden from the caller (so that fewer than that are shown) is the
 * next window of that category read, larger each time, and only what is shown is kept, so the memory and the rows
 * read are bounded by what is shown, not by the size of the record. Demographics (the person's Patient from each
 * source, a handful) are read whole: the person header and the redactions of a sensitive person depend on all of
 * them.
 */
@ApplicationScoped
public class SummaryWindowReader implements Reading {

    /** How much larger each further window of a category is than the one before. */
    static final int GROWTH = 4;
    /** The largest window read at once. */
    static final int MAX_WINDOW = 5_000;

    private final RecentItemRepository repository;
    private final RecordReader reader;
    private final DecisionApplier applier;
    private final CareItemFacts facts;
    private final RecordConfig config;

    SummaryWindowReader(RecentItemRepository repository, RecordReader reader, DecisionApplier applier,
            CareItemFacts facts, RecordConfig config) {
        this.repository = repository;
        this.reader = reader;
        this.applier = applier;
        this.facts = facts;
        this.config = config;
    }

    @Override
    public Uni<Window> read(PersonIdentities person, AccessDecision decision) {
        String demographics = CareCategory.DEMOGRAPHICS.code();
        List<String> bounded = decision.categoryCodes().stream().filter(c -> !c.equals(demographics)).toList();
        Uni<List<CareItem>> header = decision.categoryCodes().contains(demographics)
                ? reader.items(person.sourceIdentityIds(), List.of(demographics)) : Uni.createFrom().item(List.of());
        int limit = config.summaryItemsPerCategory();
        Map<String, Kept> kept = new LinkedHashMap<>();
        bounded.forEach(category -> kept.put(category, new Kept()));
        ItemQuery first = ItemQuery.of(person.sourceIdentityIds(), bounded, Position.FIRST, limit + 1);
        return header.chain(patients -> fill(decision, first, kept, limit).map(ignored -> {
            List<CareItem> items = new ArrayList<>(patients);
            Set<String> more = new HashSet<>();
            kept.forEach((category, k) -> {
                items.addAll(k.shown.subList(0, Math.min(limit, k.shown.size())));
                items.addAll(k.withheld);
                if (k.shown.size() > limit) {
                    more.add(category);
                }
            });
            return new Window(applier.apply(person, decision, items), more, null);
        }));
    }

    /** Reads windows of the categories that still need one until each shows one more than the limit or is done. */
    private Uni<Void> fill(AccessDecision decision, ItemQuery query, Map<String, Kept> kept, int limit) {
        return repository.perCategory(query).chain(rows -> {
            Map<String, List<CareItem>> byCategory = new LinkedHashMap<>();
            rows.forEach(row -> byCategory.computeIfAbsent(row.category, c -> new ArrayList<>()).add(row));
            List<ItemQuery> further = new ArrayList<>();
            for (String category : query.categories()) {
                List<CareItem> window = byCategory.getOrDefault(category, List.of());
                Kept k = kept.get(category);
                window.forEach(item -> k.take(decision, facts, item, limit));
                if (window.size() == query.limit() && k.shown.size() <= limit) {
                    // items were hidden and there may be more: the next window of this category, from its last row
                    CareItem last = window.get(window.size() - 1);
                    further.add(query.inCategories(List.of(category)).after(new Position(last.effectiveAt, last.id))
                            .limit(Math.min(MAX_WINDOW, query.limit() * GROWTH)));
                }
            }
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (ItemQuery next : further) {
                chain = chain.chain(() -> fill(decision, next, kept, limit));
            }
            return chain;
        });
    }

    /** What is kept of one category: up to one more than the limit of shown items, and one withheld item. */
    private static final class Kept {
        final List<CareItem> shown = new ArrayList<>();
        final List<CareItem> withheld = new ArrayList<>(1);

        void take(AccessDecision decision, CareItemFacts facts, CareItem item, int limit) {
            if (shown.size() > limit) {
                return;
            }
            switch (ItemFilter.visibility(decision, facts.of(item))) {
                case SHOWN -> shown.add(item);
                case WITHHELD -> {
                    if (withheld.isEmpty()) {
                        withheld.add(item);
                    }
                }
                case HIDDEN -> { }
            }
        }
    }
}
