package org.kmcr.record.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.kmcr.common.consent.AccessDecision;
import org.kmcr.common.consent.ItemFilter;
import org.kmcr.common.identity.PersonIdentities;
import org.kmcr.record.model.ItemQuery;
import org.kmcr.record.model.Position;
import org.kmcr.record.model.TimelineRequest;
import org.kmcr.record.model.TimelineType;
import org.kmcr.record.repository.RecentItemRepository;
import org.kmcr.recordmodel.model.CareItem;

/**
 * Reads one page of a person's timeline: their encounters and episodes of care in the permitted categories, most
 * recent first, from a keyset position (time, then id), filtered by type and organisation in the query itself. Rows
 * the decision hides are skipped and the next rows read (in larger windows) until the page is full or the record
 * ends; a page reads at most one row more than it shows when nothing is hidden. The next page starts after the
 * last entry shown, so entries inserted meanwhile never shift or repeat a page.
 */
@ApplicationScoped
public class TimelineReader {

    private final RecentItemRepository repository;
    private final DecisionApplier applier;
    private final CareItemFacts facts;

    TimelineReader(RecentItemRepository repository, DecisionApplier applier, CareItemFacts facts) {
        this.repository = repository;
        this.applier = applier;
        this.facts = facts;
    }

    /** The reading of this page. */
    public Reading page(TimelineRequest request) {
        return (person, decision) -> read(person, decision, request);
    }

    private Uni<Window> read(PersonIdentities person, AccessDecision decision, TimelineRequest request) {
        List<TimelineType.Match> matches = request.type() == null ? null : request.type().matches();
        Set<String> categories = new LinkedHashSet<>();
        List<String> resourceTypes = new ArrayList<>();
        List<String> typeCodes = new ArrayList<>();
        if (matches == null) {
            categories.addAll(TimelineType.CATEGORIES);
            resourceTypes.addAll(TimelineType.RESOURCE_TYPES);
        } else {
            for (TimelineType.Match match : matches) {
                categories.add(match.category());
                if (match.codes().isEmpty()) {
                    resourceTypes.add(match.resourceType());
                } else {
                    match.codes().forEach(code -> typeCodes.add(match.resourceType() + "|" + code));
                }
            }
        }
        categories.retainAll(decision.categoryCodes());
        ItemQuery query = new ItemQuery(person.sourceIdentityIds(), List.copyOf(categories), resourceTypes,
                typeCodes, request.organisation(), request.after(), request.limit() + 1);
        List<CareItem> shown = new ArrayList<>();
        return fill(decision, query, shown, request.limit()).map(ignored -> {
            Position next = null;
            List<CareItem> page = shown;
            if (shown.size() > request.limit()) {
                page = shown.subList(0, request.limit());
                CareItem last = page.get(page.size() - 1);
                next = new Position(last.effectiveAt, last.id);
            }
            return new Window(applier.apply(person, decision, page), Set.of(), next);
        });
    }

    private Uni<Void> fill(AccessDecision decision, ItemQuery query, List<CareItem> shown, int limit) {
        return repository.merged(query).chain(rows -> {
            for (CareItem row : rows) {
                if (shown.size() > limit) {
                    break;
                }
                if (ItemFilter.visibility(decision, facts.of(row)) == ItemFilter.Visibility.SHOWN) {
                    shown.add(row);
                }
            }
            if (shown.size() > limit || rows.size() < query.limit()) {
                return Uni.createFrom().voidItem();
            }
            CareItem last = rows.get(rows.size() - 1);
            return fill(decision, query.after(new Position(last.effectiveAt, last.id))
                    .limit(Math.min(SummaryWindowReader.MAX_WINDOW, query.limit() * SummaryWindowReader.GROWTH)),
                    shown, limit);
        });
    }
}
