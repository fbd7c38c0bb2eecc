package org.kmcr.identity.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.kmcr.common.identity.IdentityEventPage;
import org.kmcr.identity.repository.IdentityEventRepository;

/**
 * The feed of link changes for other services. Events are written with the changes themselves (database
 * triggers, so none is lost or written without its change); a read first publishes the events committed since
 * the last read, then pages through the published ones by position. A consumer keeps its cursor ({@code next})
 * and asks again with it: it sees every event once, in order, and may see one again only if it asks again with
 * an older cursor; {@code eventId} lets it tell.
 */
@ApplicationScoped
public class IdentityEventService {

    private final IdentityEventRepository events;

    IdentityEventService(IdentityEventRepository events) {
        this.events = events;
    }

    /** The events after the cursor, at most {@code limit} (1 to {@link IdentityEventPage#MAX_PAGE}). */
    public Uni<IdentityEventPage> after(long cursor, int limit) {
        return events.publish().chain(() -> events.after(cursor, limit))
                .map(page -> new IdentityEventPage(page, page.isEmpty() ? cursor
                        : page.get(page.size() - 1).position()));
    }
}
