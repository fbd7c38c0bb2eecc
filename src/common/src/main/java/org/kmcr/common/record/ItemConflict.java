package org.kmcr.common.record;

import java.util.List;
import java.util.UUID;

/**
 * Two or more items that disagree, shown to the user rather than resolved silently (for example an allergy to a
 * drug that another source lists as a current medication).
 *
 * @param kind        a stable code, e.g. {@code allergy-vs-medication}
 * @param explanation in words a clinician reads
 * @param items       the ids of the items in conflict
 */
public record ItemConflict(String kind, String explanation, List<UUID> items) {
}
