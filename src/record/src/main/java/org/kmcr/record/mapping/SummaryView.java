package org.kmcr.record.mapping;

import java.util.List;

/** A person's summary for the portal: who, why the caller may see it, and the items by category. */
public record SummaryView(PersonView person, AccessView access, List<ItemView> demographics,
        List<ItemView> allergies, List<ItemView> medications, List<ItemView> conditions) {
}
