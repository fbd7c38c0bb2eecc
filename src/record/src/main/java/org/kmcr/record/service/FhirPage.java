package org.kmcr.record.service;

import java.util.List;
import org.kmcr.common.consent.CareCategory;
import org.kmcr.record.mapping.FhirCursor;
import org.kmcr.record.mapping.FhirQuery;

/**
 * One page of a FHIR search or {@code $everything}, after the consent decision.
 *
 * @param total    how many items the decision shows under the query's conditions: the sum of all pages' sizes
 * @param withheld the categories with items withheld (shown as "information withheld") under those conditions
 * @param next     where the next page starts; null on the last page
 * @param previous where the previous page ends; null on the first page
 */
public record FhirPage(FhirQuery query, List<DisclosedItem> items, long total, List<CareCategory> withheld,
        FhirCursor next, FhirCursor previous) {

    /** The categories this page shows, in name order. */
    public List<String> shownCategories() {
        return items.stream().map(item -> item.item().category).distinct().sorted().toList();
    }
}
