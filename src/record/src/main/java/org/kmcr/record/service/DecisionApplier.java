package org.kmcr.record.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.kmcr.common.consent.AccessDecision;
import org.kmcr.common.consent.ItemFacts;
import org.kmcr.common.consent.ItemFilter;
import org.kmcr.common.consent.Redaction;
import org.kmcr.common.identity.PersonIdentities;
import org.kmcr.recordmodel.model.CareItem;

/**
 * Applies a decision to the items read for it, through the contract's pure {@link ItemFilter}: the same rules on
 * every read path (summary, FHIR), then the redactions. Totals and pages are counted from what this returns, so
 * that no count reveals what is hidden.
 */
@ApplicationScoped
public class DecisionApplier {

    private final CareItemFacts facts;
    private final Redactor redactor;

    DecisionApplier(CareItemFacts facts, Redactor redactor) {
        this.facts = facts;
        this.redactor = redactor;
    }

    /** The disclosure of the items the decision lets be shown, with no audit event yet. */
    public Disclosure apply(PersonIdentities person, AccessDecision decision, List<CareItem> items) {
        Map<CareItem, ItemFacts> byItem = items.stream()
                .collect(Collectors.toMap(Function.identity(), facts::of, (a, b) -> a, java.util.IdentityHashMap::new));
        ItemFilter.Result<CareItem> result = ItemFilter.apply(decision, items, byItem::get);
        List<Redaction> redactions = ItemFilter.activeRedactions(decision, byItem.values());
        List<DisclosedItem> shown = result.shown().stream()
                .map(item -> new DisclosedItem(item, redactor.redact(item.resource,
                        ItemFilter.redactedFields(redactions, byItem.get(item)))))
                .toList();
        return new Disclosure(person, decision, null, shown, result.withheldCategories());
    }
}
