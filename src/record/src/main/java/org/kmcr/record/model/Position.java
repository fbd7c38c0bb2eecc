package org.kmcr.record.model;

import java.time.Instant;
import java.util.UUID;

/**
 * A place in a person's items ordered recent first: by time (items without one last), then by id. Reading "after"
 * a position returns the items that sort after it, so a page boundary is exact even while items are inserted.
 *
 * @param at the item's time; null for an item without one
 */
public record Position(Instant at, UUID id) {

    /** Before every item. */
    public static final Position FIRST = new Position(Instant.MAX, new UUID(-1L, -1L));

    /** The time as PostgreSQL reads it for the comparison: infinity before all, -infinity for no time. */
    public String sqlTime() {
        if (this == FIRST || Instant.MAX.equals(at)) {
            return "infinity";
        }
        return at == null ? "-infinity" : at.toString();
    }
}
