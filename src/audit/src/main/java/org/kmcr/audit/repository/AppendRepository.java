package org.kmcr.audit.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kmcr.audit.model.AuditEntry;
import org.kmcr.auditverifier.HashedNode;

/**
 * The SQL of one group commit, run on the connection of its transaction: lock the log, find event ids already
 * in it, read the head, and insert a batch of entries and the tree nodes they complete, each with one statement
 * over arrays (unnest), so that a batch costs two inserts however large it is.
 */
@ApplicationScoped
public class AppendRepository {

    /** Appends are serialised on this transaction-scoped advisory lock, so the log never forks. */
    public static final long LOG_LOCK = 0x4b4d4352_41554449L;

    public Uni<Void> lockLog(SqlClient tx) {
        return tx.query("SELECT pg_advisory_xact_lock(" + LOG_LOCK + ")").execute().replaceWithVoid();
    }

    /** The entries with the given event ids, by event id. */
    public Uni<Map<UUID, AuditEntry>> withEventIds(SqlClient tx, List<UUID> eventIds) {
        return tx.preparedQuery("SELECT " + EntryRows.COLUMNS + " FROM audit.audit_entry WHERE event_id = ANY($1)")
                .execute(Tuple.of(eventIds.toArray(UUID[]::new))).map(rows -> {
                    Map<UUID, AuditEntry> found = new HashMap<>();
                    for (Row row : rows) {
                        AuditEntry entry = EntryRows.entry(row);
                        found.put(entry.eventId, entry);
                    }
                    return found;
                });
    }

    /** The newest entry's sequence and hash; null when the log is empty. */
    public Uni<AuditEntry> head(SqlClient tx) {
        return tx.query("SELECT sequence, hash FROM audit.audit_entry ORDER BY sequence DESC LIMIT 1").execute()
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    AuditEntry head = new AuditEntry();
                    head.sequence = row.getLong("sequence");
                    head.hash = row.getString("hash");
                    return head;
                });
    }

    /**
     * Inserts the entries and the tree nodes they complete. A node already stored is kept as it is (the runtime
     * role cannot update): that happens only when entries were removed behind the service's back, and then the
     * stored tree still holds what the signed checkpoints cover, for verification to compare.
     */
    public Uni<Void> insert(SqlClient tx, List<AuditEntry> entries, List<HashedNode> nodes) {
        Uni<Void> inserted = tx.preparedQuery("INSERT INTO audit.audit_entry (" + EntryRows.COLUMNS + ") SELECT * FROM "
                + EntryRows.UNNEST).execute(EntryRows.columns(entries)).replaceWithVoid();
        if (nodes.isEmpty()) {
            return inserted;
        }
        // both sent at once (pipelined, in this order): one round trip for the batch's writes
        Uni<Void> nodesInserted = tx.preparedQuery("INSERT INTO audit.merkle_node (level, idx, hash) "
                + "SELECT * FROM unnest($1::smallint[], $2::bigint[], $3::bytea[]) ON CONFLICT DO NOTHING")
                .execute(Tuple.of(nodes.stream().map(n -> (short) n.node().level()).toArray(Short[]::new),
                        nodes.stream().map(n -> n.node().index()).toArray(Long[]::new),
                        nodes.stream().map(n -> Buffer.buffer(n.hash())).toArray(Buffer[]::new)))
                .replaceWithVoid();
        return Uni.combine().all().unis(inserted, nodesInserted).discardItems();
    }
}
