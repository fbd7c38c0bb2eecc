package org.kmcr.common.record;

import java.util.List;
import java.util.Map;

/**
 * A person's summary: who, why the caller may see it, the items of every category (keyed by the category's code,
 * {@code allergies}, {@code medications}, ...; empty for a category with nothing to show), the categories in which
 * something is withheld and may be said to be, the conflicts found between sources, and how fresh each source is.
 */
public record RecordSummary(PersonHeader person, AccessGrant access, List<String> withheld,
        Map<String, List<RecordItem>> categories, List<ItemConflict> conflicts, List<SourceFreshness> sources) {
}
