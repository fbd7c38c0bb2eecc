package org.kmcr.record.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The national data opt-out list as analytics keeps it in the record schema (migration V51): stored once per list,
 * found again by the digest of its NHS numbers, and put in force, which sets every person's {@code opted_out} that
 * the counts ({@link AnalyticsRepository}) leave out. Record's role writes it only through V51's two owner
 * functions.
 */
@ApplicationScoped
public class AnalyticsOptOutRepository {

    static final String USE = "SELECT record.analytics_use_opt_out($1, $2::date, $3::timestamptz) AS version";
    static final String STORE = "SELECT record.analytics_store_opt_out($1, $2::date, $3::timestamptz, $4::text[]) "
            + "AS version";

    private final Pool pool;

    AnalyticsOptOutRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Puts the stored list with this digest in force (with the date and load time consent gives it now); answers
     * its version, null when no such list is stored.
     */
    public Uni<Long> use(String digest, LocalDate listDate, Instant loadedAt) {
        Tuple args = Tuple.tuple().addString(digest).addLocalDate(listDate).addOffsetDateTime(utc(loadedAt));
        return pool.preparedQuery(USE).execute(args).map(rows -> rows.iterator().next().getLong("version"));
    }

    /** Stores a list whole (once: a list already stored under the digest is kept), puts it in force, answers its version. */
    public Uni<Long> store(String digest, LocalDate listDate, Instant loadedAt, String[] nhsNumbers) {
        Tuple args = Tuple.tuple().addString(digest).addLocalDate(listDate).addOffsetDateTime(utc(loadedAt))
                .addArrayOfString(nhsNumbers);
        return pool.preparedQuery(STORE).execute(args).map(rows -> rows.iterator().next().getLong("version"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
