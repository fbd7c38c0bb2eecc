package org.kmcr.record.service;

import java.util.Set;
import java.util.UUID;
import org.kmcr.record.model.Position;

/**
 * A bounded read of a person's record: what may be shown of it ({@link Disclosure}), which categories have more
 * items the caller may see than are shown, and where the next page starts (null on the last page, or when the
 * read is not paged).
 */
public record Window(Disclosure disclosure, Set<String> more, Position next) {

    public Window {
        more = Set.copyOf(more);
    }

    public Window withAuditEvent(UUID id) {
        return new Window(disclosure.withAuditEvent(id), more, next);
    }
}
