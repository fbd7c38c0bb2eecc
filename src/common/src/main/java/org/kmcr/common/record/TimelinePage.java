package org.kmcr.common.record;

import java.util.List;

/**
 * One page of a person's contacts with health and social care, most recent first.
 *
 * @param nextCursor opaque; pass it back as {@code cursor} for the next page, null on the last page
 */
public record TimelinePage(AccessGrant access, List<TimelineEntry> entries, String nextCursor) {
}
