package org.kmcr.identity.bench;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kmcr.common.testing.KmcrTestEnvironment;
import org.kmcr.common.testing.PostgresDatabase;
import org.kmcr.common.testing.TestTokens;
import org.kmcr.identity.service.NameFrequencyCache;

/**
 * The MPI's accuracy on labelled data (docs/benchmarks.md): each set is loaded into an empty index through the
 * real resolve path, one record at a time over HTTP (the identity service as a running Quarkus application on
 * the test database of the local PostgreSQL server), then the persons formed are compared with the truth.
 * Not part of the default test run (the name does not end in Test); run with
 * {@code ./mvnw -o -B -pl src/identity -am test -Dtest=MpiAccuracyBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * and optionally {@code -Dmpi.sets=febrl4,fake_1000} (default: all), {@code -Dmpi.historical.clusters=1000} (only
 * the records of the first 1,000 true persons of historical_50k) and {@code -Dmpi.estimate=true} (print the
 * weights EM estimates from each loaded index).
 */
@QuarkusTest
@QuarkusTestResource(KmcrTestEnvironment.class)
class MpiAccuracyBenchmark {

    static final Path DATA = Path.of(System.getProperty("kmcr.data", "../../../shared/data"));
    static final Path REPORT = Path.of("target", "mpi-accuracy.txt");

    @Inject
    NameFrequencyCache frequencies;

    @Test
    void accuracyOnTheLabelledSets() throws Exception {
        Map<String, LabelledSet> sets = new LinkedHashMap<>();
        sets.put("febrl4", () -> LabelledSets.febrl(DATA.resolve("febrl/febrl_dataset4a.csv"),
                DATA.resolve("febrl/febrl_dataset4b.csv")));
        sets.put("febrl1", () -> LabelledSets.febrl(DATA.resolve("febrl/febrl_dataset1.csv")));
        sets.put("febrl2", () -> LabelledSets.febrl(DATA.resolve("febrl/febrl_dataset2.csv")));
        sets.put("febrl3", () -> LabelledSets.febrl(DATA.resolve("febrl/febrl_dataset3.csv")));
        sets.put("fake_1000", () -> LabelledSets.fake1000(DATA.resolve("splink-datasets/fake_1000.csv")));
        sets.put("historical_50k", () -> firstClusters(LabelledSets.historical(
                DATA.resolve("splink-datasets/historical_figures_with_errors_50k.csv")),
                Integer.getInteger("mpi.historical.clusters", Integer.MAX_VALUE)));
        sets.put("uk_generated", () -> new UkPeople(2026).generate(1500));
        String chosen = System.getProperty("mpi.sets", String.join(",", sets.keySet()));
        PostgresDatabase db = KmcrTestEnvironment.database();
        report("# MPI accuracy " + java.time.Instant.now() + " on " + db.server());
        for (String name : chosen.split(",")) {
            run(name, sets.get(name).load(), db);
        }
    }

    /** All records of the first {@code clusters} true persons in file order: a smaller run of a large set. */
    static List<LabelledRecord> firstClusters(List<LabelledRecord> records, int clusters) {
        java.util.Set<String> kept = new java.util.LinkedHashSet<>();
        List<LabelledRecord> subset = new ArrayList<>();
        for (LabelledRecord record : records) {
            if (kept.contains(record.cluster()) || kept.size() < clusters && kept.add(record.cluster())) {
                subset.add(record);
            }
        }
        return subset;
    }

    interface LabelledSet {
        List<LabelledRecord> load() throws IOException;
    }

    private void run(String name, List<LabelledRecord> records, PostgresDatabase db) throws Exception {
        db.execute("TRUNCATE identity.link_review, identity.identity_link, identity.source_identity_version,"
                + " identity.person_merge, identity.source_identity, identity.person CASCADE");
        frequencies.refresh().await().indefinitely();
        Map<String, String> clusterOf = new HashMap<>();
        List<Long> nanos = new ArrayList<>();
        int refused = 0;
        String token = TestTokens.service("kmcr-ingest");
        long tokenAt = System.nanoTime();
        for (LabelledRecord record : records) {
            if (System.nanoTime() - tokenAt > 300e9) {
                // test tokens live ten minutes; a large set takes longer
                token = TestTokens.service("kmcr-ingest");
                tokenAt = System.nanoTime();
            }
            clusterOf.put(record.localId(), record.cluster());
            Map<String, Object> body = new HashMap<>();
            body.put("sourceOrg", "BENCH");
            body.put("sourceSystem", name);
            body.put("localId", record.localId());
            body.put("nhsNumber", record.nhsNumber());
            body.put("demographics", record.demographics());
            long start = System.nanoTime();
            Response answer = given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                    .post("/api/source-identities/resolve");
            nanos.add(System.nanoTime() - start);
            if (answer.statusCode() == 422) {
                refused++;
            } else if (answer.statusCode() != 200) {
                throw new IllegalStateException(name + " " + record.localId() + ": " + answer.statusCode() + " "
                        + answer.asString());
            }
        }
        Map<String, String> personOf = new HashMap<>();
        long pending = 0;
        try (Connection c = db.connectAs("postgres"); PreparedStatement st = c.prepareStatement("""
                SELECT s.local_id, l.person_id, l.state FROM identity.source_identity s
                JOIN identity.identity_link l ON l.source_identity_id = s.id AND l.state <> 'inactive'""")) {
            try (ResultSet rows = st.executeQuery()) {
                while (rows.next()) {
                    if ("active".equals(rows.getString(3))) {
                        personOf.put(rows.getString(1), rows.getString(2));
                    } else {
                        pending++;
                    }
                }
            }
            PairwiseAccuracy accuracy = PairwiseAccuracy.of(clusterOf, personOf);
            nanos.sort(Long::compare);
            report(String.format(Locale.ROOT, "%s: %d records (%d refused: nothing to match on), %s;"
                    + " review queue %d; resolve p50 %.1f ms, p99 %.1f ms", name, records.size(), refused,
                    accuracy.line(), pending, nanos.get(nanos.size() / 2) / 1e6,
                    nanos.get((int) (nanos.size() * 0.99)) / 1e6));
            if (Boolean.getBoolean("mpi.estimate")) {
                report("## weights EM estimates from the " + name + " index\n"
                        + WeightEstimator.estimate(c, 20_000, 50_000).format());
            }
        }
    }

    private static void report(String line) throws IOException {
        System.out.println("MPI-BENCH " + line);
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
