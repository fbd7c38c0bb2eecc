package org.kmcr.audit.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.kmcr.audit.model.AuditEntry;
import org.kmcr.audit.model.Checkpoint;

/** Reads the log in sequence order, a page at a time, for an export. */
@ApplicationScoped
public class ExportRepository {

    private final Pool pool;

    ExportRepository(Pool pool) {
        this.pool = pool;
    }

    /** The lowest sequence still stored (above 1 once retention has dropped months); 0 when the log is empty. */
    public Uni<Long> firstSequence() {
        return pool.query("SELECT coalesce(min(sequence), 0) AS first FROM audit.audit_entry").execute()
                .map(rows -> rows.iterator().next().getLong("first"));
    }

    /** Up to {@code size} entries after {@code sequence}, in order. */
    public Uni<List<AuditEntry>> entriesAfter(long sequence, int size) {
        return pool.preparedQuery("SELECT " + EntryRows.COLUMNS + " FROM audit.audit_entry WHERE sequence > $1 "
                + "ORDER BY sequence LIMIT $2").execute(Tuple.of(sequence, size)).map(rows -> {
                    List<AuditEntry> page = new ArrayList<>();
                    rows.forEach(row -> page.add(EntryRows.entry(row)));
                    return page;
                });
    }

    /** Every checkpoint, in order. */
    public Uni<List<Checkpoint>> checkpoints() {
        return pool.query("SELECT sequence, root_hash, head_hash, signed_at, key_id, signature FROM audit.checkpoint "
                + "ORDER BY sequence").execute().map(rows -> {
                    List<Checkpoint> checkpoints = new ArrayList<>();
                    for (Row row : rows) {
                        Checkpoint c = new Checkpoint();
                        c.sequence = row.getLong("sequence");
                        c.rootHash = row.getString("root_hash");
                        c.headHash = row.getString("head_hash");
                        c.signedAt = row.getOffsetDateTime("signed_at").toInstant();
                        c.keyId = row.getString("key_id");
                        c.signature = row.getString("signature");
                        checkpoints.add(c);
                    }
                    return checkpoints;
                });
    }
}
