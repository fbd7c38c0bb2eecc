package org.kmcr.record.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The national data opt-out list as analytics keeps it in the record schema (migration V51): stored once per list,
 * found again by the digest of its NHS numbers, and named by its version in every count
 * ({@link AnalyticsRepository}). Record's role writes it only through V51's two owner functions.
 */
@ApplicationScoped
public class AnalyticsOptOutRepository {

    static final String USE = "SELECT record.analytics_use_opt_out($1) AS version";
    static final String STORE = "SELECT record.analytics_store_opt_out($1, $2::date, $3::timestamptz, $4::text[]) "
            + "AS version";

    private final Pool pool;

    AnalyticsOptOutRepository(Pool pool) {
        this.pool = pool;
    }

    /** The version of the stored list with this digest, now the one in force; null when it is not stored. */
    public Uni<Long> use(String digest) {
        return pool.preparedQuery(USE).execute(Tuple.of(digest))
                .map(rows -> rows.iterator().next().getLong("version"));
    }

    /** Stores a list whole (once: a list already stored under the digest is kept) and answers its version. */
    public Uni<Long> store(String digest, LocalDate listDate, Instant loadedAt, String[] nhsNumbers) {
        Tuple args = Tuple.tuple().addString(digest).addLocalDate(listDate)
                .addOffsetDateTime(loadedAt == null ? null : loadedAt.atOffset(ZoneOffset.UTC))
                .addArrayOfString(nhsNumbers);
        return pool.preparedQuery(STORE).execute(args).map(rows -> rows.iterator().next().getLong("version"));
    }
}
