package org.kmcr.record.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Each source's last accepted message, through the view {@code record.feed_contact} (migration V20): the one thing
 * of ingest's feed health that record-query's role may read.
 */
@ApplicationScoped
public class FeedContactRepository {

    static final String LAST_CONTACTS = "SELECT source_org, source_system, last_contact FROM record.feed_contact";

    private final Pool pool;

    FeedContactRepository(Pool pool) {
        this.pool = pool;
    }

    /** The last contact of every source, keyed by {@code sourceOrg|sourceSystem}. */
    public Uni<Map<String, Instant>> lastContacts() {
        return pool.query(LAST_CONTACTS).execute().map(rows -> {
            Map<String, Instant> contacts = new HashMap<>();
            for (Row row : rows) {
                contacts.put(key(row.getString("source_org"), row.getString("source_system")),
                        row.getOffsetDateTime("last_contact").toInstant());
            }
            return contacts;
        });
    }

    public static String key(String sourceOrg, String sourceSystem) {
        return sourceOrg + "|" + sourceSystem;
    }
}
