package org.kmcr.identity.bench;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import net.datafaker.Faker;
import org.junit.jupiter.api.Test;
import org.kmcr.common.identity.SourceIdentityIds;
import org.kmcr.common.nhs.NhsNumber;
import org.kmcr.common.testing.KmcrTestEnvironment;
import org.kmcr.common.testing.PostgresDatabase;
import org.kmcr.common.testing.TestTokens;
import org.kmcr.identity.matching.BlockingKeys;
import org.kmcr.identity.matching.MatchSubject;
import org.kmcr.identity.model.Demographics;
import org.postgresql.PGConnection;

/**
 * Resolution speed against a large index (docs/benchmarks.md): {@code mpi.persons} (default 1,000,000) persons,
 * each with one source identity and its active link, generated from Datafaker en-GB name, street, town and
 * postcode pools and bulk-loaded with COPY (blocking keys computed by the matcher's own code); then
 * {@code mpi.resolves} (default 2,000) records resolved one at a time over HTTP: a third new people without an NHS
 * number, a third known people without one (with a typo, a nickname-free variant or a move), a third by a
 * known NHS number. Not in the default test run; run with
 * {@code ./mvnw -o -B -pl src/identity -am test -Dtest=MpiThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@QuarkusTest
@QuarkusTestResource(KmcrTestEnvironment.class)
class MpiThroughputBenchmark {

    static final Path REPORT = Path.of("target", "mpi-throughput.txt");
    static final ObjectMapper JSON = new ObjectMapper();

    final Random random = new Random(1);
    final Faker faker = new Faker(Locale.UK, new Random(1));
    final List<String> givens = new ArrayList<>();
    final List<String> families = new ArrayList<>();
    final List<String> streets = new ArrayList<>();
    final List<String> towns = new ArrayList<>();
    final List<String> postcodes = new ArrayList<>();
    int nextNhs;

    record Generated(String localId, String nhsNumber, Demographics demographics) {
    }

    @Test
    void resolvingOneAtATimeAgainstAMillionPersons() throws Exception {
        int persons = Integer.getInteger("mpi.persons", 1_000_000);
        int resolves = Integer.getInteger("mpi.resolves", 2_000);
        for (int i = 0; i < 3000; i++) {
            givens.add(faker.name().firstName());
            families.add(faker.name().lastName());
            streets.add(faker.address().streetName());
            towns.add(faker.address().city());
        }
        for (int i = 0; i < 100_000; i++) {
            postcodes.add(faker.address().postcode());
        }
        PostgresDatabase db = KmcrTestEnvironment.database();
        List<Generated> index = new ArrayList<>(persons);
        long loadStart = System.nanoTime();
        try (Connection c = db.connectAs("postgres")) {
            c.createStatement().execute("DROP INDEX identity.source_identity_by_blocking_key");
            StringBuilder person = new StringBuilder();
            StringBuilder source = new StringBuilder();
            StringBuilder link = new StringBuilder();
            for (int i = 0; i < persons; i++) {
                Generated g = generate("BULK-" + i, true);
                index.add(g);
                UUID personId = UUID.randomUUID();
                UUID sourceId = SourceIdentityIds.of("BENCH", "bulk", g.localId());
                MatchSubject s = MatchSubject.of(g.nhsNumber(), g.demographics());
                person.append(personId).append('\t').append(g.nhsNumber()).append("\t2026-01-01\n");
                source.append(sourceId).append("\tBENCH\tbulk\t").append(g.localId()).append('\t')
                        .append(g.nhsNumber()).append('\t').append(copyText(JSON.writeValueAsString(g.demographics())))
                        .append("\t2026-01-01\t2026-01-01\t{").append(String.join(",", BlockingKeys.of(s)))
                        .append("}\t").append(s.given()).append('\t').append(s.family()).append('\t')
                        .append(s.town()).append('\t').append(s.birthDigits()).append('\n');
                link.append(UUID.randomUUID()).append('\t').append(sourceId).append('\t').append(personId)
                        .append("\tnhs-number\t1\t{}\tactive\t2026-01-01\tmatcher\n");
                if ((i + 1) % 100_000 == 0 || i + 1 == persons) {
                    copy(c, "identity.person (id, nhs_number, created_at)", person);
                    copy(c, "identity.source_identity (id, source_org, source_system, local_id, nhs_number,"
                            + " demographics, created_at, updated_at, blocking_keys, given_name, family_name, town_name,"
                            + " birth_date)",
                            source);
                    copy(c, "identity.identity_link (id, source_identity_id, person_id, method, score, evidence,"
                            + " state, created_at, decided_by)", link);
                }
            }
            c.createStatement().execute("CREATE INDEX source_identity_by_blocking_key ON identity.source_identity"
                    + " USING gin (blocking_keys)");
            c.createStatement().execute("ANALYZE");
        }
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

        List<Long> nanos = new ArrayList<>();
        String token = TestTokens.service("kmcr-ingest");
        int warmUp = 200;
        long runStart = 0;
        for (int i = 0; i < warmUp + resolves; i++) {
            if (i == warmUp) {
                runStart = System.nanoTime();
            }
            Generated g = switch (i % 3) {
                case 0 -> generate("NEW-" + i, false);
                case 1 -> variant(index.get(random.nextInt(index.size())), "DUP-" + i);
                default -> {
                    Generated known = index.get(random.nextInt(index.size()));
                    yield new Generated("NHS-" + i, known.nhsNumber(), known.demographics());
                }
            };
            Map<String, Object> body = new HashMap<>();
            body.put("sourceOrg", "BENCH");
            body.put("sourceSystem", "incoming");
            body.put("localId", g.localId());
            body.put("nhsNumber", g.nhsNumber());
            body.put("demographics", g.demographics());
            if (i % 1000 == 0) {
                token = TestTokens.service("kmcr-ingest"); // test tokens live ten minutes
            }
            long start = System.nanoTime();
            Response answer = given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                    .post("/api/source-identities/resolve");
            long took = System.nanoTime() - start;
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(answer.statusCode() + " " + answer.asString());
            }
            if (i >= warmUp) {
                nanos.add(took);
            }
        }
        double seconds = (System.nanoTime() - runStart) / 1e9;
        nanos.sort(Long::compare);
        report(String.format(Locale.ROOT, "# MPI throughput %s on %s, %d cores visible to the JVM%n"
                + "index: %d persons bulk-loaded in %.0f s; %d resolves one at a time after %d warm-up:"
                + " p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms, %.0f resolves/s",
                java.time.Instant.now(), db.server(), Runtime.getRuntime().availableProcessors(), persons,
                loadSeconds, resolves, warmUp, at(nanos, 0.5), at(nanos, 0.9), at(nanos, 0.99),
                nanos.get(nanos.size() - 1) / 1e6, resolves / seconds));
    }

    private Generated generate(String localId, boolean withNhsNumber) {
        LocalDate born = LocalDate.of(1925, 1, 1).plusDays(random.nextInt(95 * 365));
        String postcode = postcodes.get(random.nextInt(postcodes.size()));
        Demographics d = new Demographics(families.get(random.nextInt(families.size())),
                List.of(givens.get(random.nextInt(givens.size()))), born.toString(),
                random.nextBoolean() ? "female" : "male",
                List.of((1 + random.nextInt(200)) + " " + streets.get(random.nextInt(streets.size()))),
                towns.get(random.nextInt(towns.size())), postcode, null, null, null);
        return new Generated(localId, withNhsNumber ? nhsNumber() : null, d);
    }

    /** The same person from another source: no NHS number, and a typo in the family name or a move. */
    private Generated variant(Generated known, String localId) {
        Demographics d = known.demographics();
        String family = d.family();
        String postcode = d.postcode();
        if (random.nextBoolean() && family.length() > 3) {
            family = family.substring(0, 2) + family.charAt(3) + family.charAt(2) + family.substring(4);
        } else {
            postcode = postcodes.get(random.nextInt(postcodes.size()));
        }
        return new Generated(localId, null, new Demographics(family, d.given(), d.birthDate(), d.gender(),
                d.addressLines(), d.town(), postcode, null, null, null));
    }

    /** Distinct valid NHS numbers, in order (random ones would collide among a million). */
    private String nhsNumber() {
        while (true) {
            String nine = String.format("%09d", 400_000_000 + nextNhs++);
            int check = NhsNumber.checkDigit(nine);
            if (check != 10) {
                return nine + check;
            }
        }
    }

    private static void copy(Connection c, String table, StringBuilder rows) throws Exception {
        c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " FROM STDIN",
                new StringReader(rows.toString()));
        rows.setLength(0);
    }

    /** COPY text format: backslash, tab and newline escaped. */
    private static String copyText(String value) {
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
    }

    private static double at(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * quantile))) / 1e6;
    }

    private static void report(String text) throws IOException {
        System.out.println("MPI-BENCH " + text);
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, text + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
