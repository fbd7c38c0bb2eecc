package org.kmcr.consent.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import org.kmcr.common.consent.OptOutExclusions;

/** The NHS numbers of the current national data opt-out list, read in one statement (one consistent list). */
@ApplicationScoped
public class OptOutExclusionRepository {

    static final String CURRENT = "SELECT l.list_date, l.loaded_at, coalesce(array_agg(e.nhs_number ORDER BY "
            + "e.nhs_number) FILTER (WHERE e.nhs_number IS NOT NULL), '{}') FROM consent.opt_out_list l "
            + "LEFT JOIN consent.opt_out_entry e ON e.list_id = l.id WHERE l.current GROUP BY l.id";

    private final Pool pool;

    OptOutExclusionRepository(Pool pool) {
        this.pool = pool;
    }

    /** The current list; an empty one without a date when none was ever loaded. */
    public Uni<OptOutExclusions> current() {
        return pool.query(CURRENT).execute().map(rows -> {
            if (rows.size() == 0) {
                return new OptOutExclusions(null, null, null);
            }
            Row row = rows.iterator().next();
            return new OptOutExclusions(row.getLocalDate(0), row.getOffsetDateTime(1).toInstant(),
                    Arrays.asList(row.getArrayOfStrings(2)));
        });
    }
}
