package org.kmcr.common.identity;

import java.util.List;

/**
 * A page of the identity event feed, oldest first; {@code next} is the cursor to ask with next time
 * ({@code ?after=next}): the last event's position, or the cursor asked with when no event is newer.
 */
public record IdentityEventPage(List<IdentityEvent> events, long next) {

    /** The most events a page holds. */
    public static final int MAX_PAGE = 500;
}
