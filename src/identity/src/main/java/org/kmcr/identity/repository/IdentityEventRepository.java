package org.kmcr.identity.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.kmcr.common.identity.IdentityEvent;
import org.kmcr.common.identity.IdentityEventType;

/**
 * The identity event outbox (table {@code identity.identity_event}, filled by triggers in the transactions that
 * change links and merges; see migration V10).
 */
@ApplicationScoped
public class IdentityEventRepository {

    /** The most events one publication numbers; the rest wait for the next. */
    static final int PUBLISH_BATCH = 5000;

    private final Pool pool;

    IdentityEventRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Gives the committed events that have none a feed position, in id order, in one transaction under an
     * advisory lock: publications run one after another, each sees the ones before it, and a reader sees a
     * publication's positions all at once, so positions become visible in increasing order. Answers how many
     * events it numbered.
     */
    public Uni<Integer> publish() {
        return pool.withTransaction(connection -> connection
                .query("SELECT pg_advisory_xact_lock(hashtext('identity.identity_event_position'))").execute()
                .chain(() -> connection.preparedQuery("""
                        WITH waiting AS (
                            SELECT id FROM identity.identity_event WHERE position IS NULL ORDER BY id LIMIT $1),
                        numbered AS (
                            SELECT id, nextval('identity.identity_event_position') AS position FROM waiting)
                        UPDATE identity.identity_event e SET position = n.position
                        FROM numbered n WHERE e.id = n.id""").execute(Tuple.of(PUBLISH_BATCH)))
                .map(rows -> rows.rowCount()));
    }

    /** The published events after this position, oldest first, at most {@code limit}. */
    public Uni<List<IdentityEvent>> after(long position, int limit) {
        return pool.preparedQuery("""
                SELECT position, event_id, type, person_id, other_person_id, source_identity_id, link_id, merge_id,
                       occurred_at
                FROM identity.identity_event WHERE position > $1 ORDER BY position LIMIT $2""")
                .execute(Tuple.of(position, limit)).map(rows -> {
                    List<IdentityEvent> events = new ArrayList<>();
                    for (Row row : rows) {
                        events.add(event(row));
                    }
                    return events;
                });
    }

    private static IdentityEvent event(Row row) {
        return new IdentityEvent(row.getLong("position"), row.getUUID("event_id"),
                IdentityEventType.ofCode(row.getString("type")), row.getUUID("person_id"),
                row.getUUID("other_person_id"), row.getUUID("source_identity_id"), row.getUUID("link_id"),
                row.getUUID("merge_id"), row.getOffsetDateTime("occurred_at").withOffsetSameInstant(ZoneOffset.UTC)
                        .toInstant());
    }
}
