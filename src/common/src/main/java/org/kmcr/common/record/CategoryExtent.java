package org.kmcr.common.record;

/**
 * How much of a category the summary shows: a summary shows at most a bounded number of each category's items,
 * the most recent first, and says when there are more to page through (timeline, FHIR search).
 *
 * @param shown the number of items shown for the category
 * @param more  true when the caller may see more items of the category than are shown
 */
public record CategoryExtent(int shown, boolean more) {
}
