package org.kmcr.consent.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.UUID;
import org.kmcr.consent.model.OptOutList;

/** The national data opt-out list: one current list, replaced whole in one transaction. */
@ApplicationScoped
public class OptOutRepository {

    private final Pool pool;

    OptOutRepository(Pool pool) {
        this.pool = pool;
    }

    /** Makes this list the current one; readers see the old list until the transaction commits, then the new. */
    public Uni<OptOutList> replace(LocalDate listDate, Collection<String> nhsNumbers, String loadedBy, Instant at) {
        UUID id = UUID.randomUUID();
        String[] numbers = nhsNumbers.stream().distinct().toArray(String[]::new);
        return pool.withTransaction(conn -> conn.preparedQuery("INSERT INTO consent.opt_out_list (id, list_date, "
                        + "loaded_at, loaded_by, size, current) VALUES ($1, $2, $3, $4, $5, false)")
                .execute(Tuple.of(id, listDate, at.atOffset(ZoneOffset.UTC), loadedBy, numbers.length))
                .chain(() -> conn.preparedQuery("INSERT INTO consent.opt_out_entry (list_id, nhs_number) "
                        + "SELECT $1, unnest($2::text[])").execute(Tuple.of(id, numbers)))
                .chain(() -> conn.query("DELETE FROM consent.opt_out_list WHERE current").execute())
                .chain(() -> conn.preparedQuery("UPDATE consent.opt_out_list SET current = true WHERE id = $1")
                        .execute(Tuple.of(id)))
                .map(done -> new OptOutList(listDate, at, loadedBy, numbers.length)));
    }

    /** The current list; null when none was ever loaded. */
    public Uni<OptOutList> current() {
        return pool.query("SELECT list_date, loaded_at, loaded_by, size FROM consent.opt_out_list WHERE current")
                .execute().map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    return new OptOutList(row.getLocalDate(0), row.getOffsetDateTime(1).toInstant(), row.getString(2),
                            row.getInteger(3));
                });
    }
}
