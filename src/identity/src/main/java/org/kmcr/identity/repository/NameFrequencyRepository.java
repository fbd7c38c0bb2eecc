package org.kmcr.identity.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;

/** Counts how often each normalised first and family name, town and full date of birth occurs among the source identities. */
@ApplicationScoped
public class NameFrequencyRepository {

    /** Counts of values seen more than once, per kind, and how many source identities there are. */
    public record Counts(long total, Map<String, Long> given, Map<String, Long> family, Map<String, Long> town,
            Map<String, Long> birthDate) {
    }

    private final Pool pool;

    NameFrequencyRepository(Pool pool) {
        this.pool = pool;
    }

    /** Outside any transaction: a read of the whole index, run in the background. */
    public Uni<Counts> count() {
        return pool.query("""
                SELECT 'given', given_name, count(*) FROM identity.source_identity
                    WHERE given_name IS NOT NULL GROUP BY given_name HAVING count(*) > 1
                UNION ALL
                SELECT 'family', family_name, count(*) FROM identity.source_identity
                    WHERE family_name IS NOT NULL GROUP BY family_name HAVING count(*) > 1
                UNION ALL
                SELECT 'town', town_name, count(*) FROM identity.source_identity
                    WHERE town_name IS NOT NULL GROUP BY town_name HAVING count(*) > 1
                UNION ALL
                SELECT 'birthDate', birth_date, count(*) FROM identity.source_identity
                    WHERE birth_date IS NOT NULL GROUP BY birth_date HAVING count(*) > 1
                UNION ALL
                SELECT 'total', NULL, count(*) FROM identity.source_identity""").execute().map(rows -> {
                    Map<String, Long> given = new HashMap<>();
                    Map<String, Long> family = new HashMap<>();
                    Map<String, Long> town = new HashMap<>();
                    Map<String, Long> birthDate = new HashMap<>();
                    long total = 0;
                    for (Row row : rows) {
                        switch (row.getString(0)) {
                            case "given" -> given.put(row.getString(1), row.getLong(2));
                            case "family" -> family.put(row.getString(1), row.getLong(2));
                            case "town" -> town.put(row.getString(1), row.getLong(2));
                            case "birthDate" -> birthDate.put(row.getString(1), row.getLong(2));
                            default -> total = row.getLong(2);
                        }
                    }
                    return new Counts(total, given, family, town, birthDate);
                });
    }
}
