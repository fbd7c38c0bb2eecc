package org.kmcr.common.record;

import java.util.List;
import java.util.Map;

/**
 * A person's summary: who, why the caller may see it, the items of every category (keyed by the category's code,
 * {@code allergies}, {@code medications}, ...; empty for a category with nothing to show), the categories in which
 * something is withheld and may be said to be, the conflicts found between sources, how fresh each source is, and
 * per category how many items are shown and whether there are more ({@code extents}, keyed like {@code categories}).
 */
public record RecordSummary(PersonHeader person, AccessGrant access, List<String> withheld,
        Map<String, List<RecordItem>> categories, List<ItemConflict> conflicts, List<SourceFreshness> sources,
        Map<String, CategoryExtent> extents) {

    /** A summary whose every category is shown whole (no extents given). */
    public RecordSummary(PersonHeader person, AccessGrant access, List<String> withheld,
            Map<String, List<RecordItem>> categories, List<ItemConflict> conflicts, List<SourceFreshness> sources) {
        this(person, access, withheld, categories, conflicts, sources, Map.of());
    }
}
