package org.kmcr.systemtests.bench.county;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.kmcr.common.testing.PostgresDatabase;
import org.kmcr.systemtests.stack.MigrationJob;

/**
 * The county's load alone, without the stack (no ports, no Keycloak): a fresh database on the local PostgreSQL,
 * migrated by the packaged migration step, loaded by {@link CountyLoader}; prints each step's time, the sizes on
 * disk and the plans of the record queries a read makes for the largest record. For load-time and disk estimates
 * (e.g. for 1.8 million persons) and for looking at query plans at scale. The database is dropped at the end unless
 * {@code -Dkmcr.county.keep=true}.
 */
public final class CountyLoadOnly {

    private CountyLoadOnly() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("kmcr.root", "../..")).toAbsolutePath().normalize();
        CountyShape shape = CountyShape.fromSystemProperties();
        long generating = System.nanoTime();
        CountyPopulation county = CountyPopulation.generate(shape);
        System.out.printf("generate the persons (in memory): %.1f s%n", (System.nanoTime() - generating) / 1e9);
        PostgresDatabase database = PostgresDatabase.create("kmcr_county_load");
        try {
            System.out.println("Database " + database.name() + " on the " + database.server());
            MigrationJob.run(root, database, root.resolve("src/system-tests/target/stack-logs/county-load-migrations.log"));
            CountyLoader loader = new CountyLoader(database);
            Map<String, Double> steps = loader.load(county);
            steps.forEach((step, seconds) -> System.out.printf("| %s | %.1f |%n", step, seconds));
            System.out.println("Loaded: " + loader.sizes());
            explain(database, county.large().nhsNumber());
        } finally {
            if (!Boolean.getBoolean("kmcr.county.keep")) {
                database.close();
            } else {
                System.out.println("Kept database " + database.name());
            }
        }
    }

    private static void explain(PostgresDatabase database, String nhsNumber) throws Exception {
        String ids = "ARRAY(SELECT l.source_identity_id FROM identity.person p JOIN identity.identity_link l "
                + "ON l.person_id = p.id AND l.state = 'active' WHERE p.nhs_number = '" + nhsNumber + "')";
        String categories = java.util.Arrays.stream(org.kmcr.common.consent.CareCategory.values())
                .map(category -> "'" + category.code() + "'").collect(java.util.stream.Collectors.joining(", "));
        List<String> queries = List.of(
                "SELECT * FROM record.care_item WHERE source_identity_id = ANY(" + ids + ") AND category <> "
                        + "'safeguarding' ORDER BY effective_at DESC NULLS LAST, id",
                "SELECT * FROM record.care_item WHERE source_identity_id = ANY(" + ids + ") ORDER BY effective_at "
                        + "DESC NULLS LAST, id LIMIT 50",
                "SELECT count(*) FROM record.care_item WHERE source_identity_id = ANY(" + ids + ") AND category <> "
                        + "'safeguarding'",
                "SELECT c.id FROM unnest(ARRAY[" + categories + "]) AS cat, unnest(" + ids + ") AS sid, LATERAL (SELECT id "
                        + "FROM record.care_item i WHERE i.source_identity_id = sid AND i.category = cat ORDER BY "
                        + "effective_at DESC NULLS LAST LIMIT 20) c");
        try (Connection c = database.connectAs("postgres"); Statement st = c.createStatement()) {
            for (String query : queries) {
                System.out.println("\n" + query);
                try (ResultSet rs = st.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + query)) {
                    while (rs.next()) {
                        System.out.println("    " + rs.getString(1));
                    }
                }
            }
        }
    }
}
