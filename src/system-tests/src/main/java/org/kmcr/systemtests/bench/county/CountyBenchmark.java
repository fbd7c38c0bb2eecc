package org.kmcr.systemtests.bench.county;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.kmcr.systemtests.bench.ReadLoad;
import org.kmcr.systemtests.stack.DemoRegion;
import org.kmcr.systemtests.stack.Keycloak;
import org.kmcr.systemtests.stack.KmcrClient;
import org.kmcr.systemtests.stack.Stack;

/**
 * {@code ./mvnw verify -Pbench-county}: reads at county scale (issue 9). Starts the whole stack (Keycloak with the
 * shipped realm, the five packaged services, a fresh database on the local PostgreSQL), loads a synthetic county
 * straight into the services' tables ({@link CountyLoader}), then has {@code gp.clinician} (a real Keycloak token)
 * read records of people registered at K81001 with every request of {@link ReadRequest#ALL} at 1, 4 and 16
 * concurrent clients, and the one 100,000-item record alone. Every read goes through identity, the consent decision
 * and the synchronous audit append, as in production. With {@code -Dkmcr.hapi.jar=...} the HAPI FHIR JPA server is
 * measured in the same run ({@link HapiAnchor}). Writes the report to src/system-tests/target/county-benchmark.md.
 */
public final class CountyBenchmark {

    static final List<Integer> CLIENTS = List.of(1, 4, 16);

    private CountyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("kmcr.root", "../..")).toAbsolutePath().normalize();
        CountyShape shape = CountyShape.fromSystemProperties();
        int reads = Integer.getInteger("kmcr.county.reads", 2000);
        int warmUp = Integer.getInteger("kmcr.county.warm-up", 200);
        int sampleSize = Integer.getInteger("kmcr.county.sample", 5000);
        String hapiJar = System.getProperty("kmcr.hapi.jar", "");
        CountyReport report = new CountyReport(shape);
        List<String> failures = new ArrayList<>();
        report.line("Started " + Instant.now() + "; load average " + loadAverage());

        long generating = System.nanoTime();
        CountyPopulation county = CountyPopulation.generate(shape);
        report.step("generate the persons (in memory)", (System.nanoTime() - generating) / 1e9);

        try (Stack stack = Stack.start("kmcr_county")) {
            report.line("Database: " + stack.database().server());
            Keycloak keycloak = new Keycloak(Stack.REALM_URL);
            new KmcrClient().registerPartners(keycloak.login(DemoRegion.PRIVACY_OFFICER));

            CountyLoader loader = new CountyLoader(stack.database());
            Map<String, Double> load = loader.load(county);
            load.forEach(report::step);
            report.line("Loaded: " + loader.sizes() + "; load average " + loadAverage());
            report.shape(county, categoryMix(stack));

            List<CountyPerson> sample = sample(county, sampleSize, shape.seed());
            int cursor = 0;
            ServerTimes times = new ServerTimes();
            for (int clients : CLIENTS) {
                try (ReadLoad driver = new ReadLoad(clients)) {
                    for (ReadRequest read : ReadRequest.ALL) {
                        String token = keycloak.login(DemoRegion.GP_CLINICIAN);
                        int from = cursor;
                        driver.run(i -> get(read, sample.get((from + i) % sample.size()), token), warmUp);
                        int measuredFrom = from + warmUp;
                        Map<String, double[]> before = times.snapshot();
                        ReadLoad.Result measured = driver.run(i -> get(read, sample.get((measuredFrom + i) % sample.size()),
                                token), reads);
                        cursor = measuredFrom + reads;
                        report.read("KMCR " + read.name(), clients, measured, driver.takeAnsweredChars() / (double) reads);
                        report.serverTimes(read.name() + ", " + clients + " clients",
                                ServerTimes.between(before, times.snapshot(), reads / 2));
                        System.out.println(read.name() + " x" + clients + ": " + measured);
                    }
                }
            }
            try (ReadLoad driver = new ReadLoad(1)) {
                for (ReadRequest read : ReadRequest.ALL) {
                    String token = keycloak.login(DemoRegion.GP_CLINICIAN);
                    try {
                        driver.run(i -> get(read, county.large(), token), 2);
                        ReadLoad.Result measured = driver.run(i -> get(read, county.large(), token), 10);
                        report.read("KMCR " + read.name() + ", the " + shape.largeItems() + "-item record", 1, measured,
                                driver.takeAnsweredChars() / 12.0);
                    } catch (RuntimeException e) {
                        report.line("**" + read.name() + " of the " + shape.largeItems() + "-item record failed**: "
                                + e.getMessage());
                        failures.add(read.name() + " of the large record");
                    }
                }
            }
            if (!hapiJar.isBlank()) {
                try {
                    new HapiAnchor(Path.of(hapiJar), stack.database(), report).run(sample, county, shape.seed());
                } catch (RuntimeException e) {
                    report.line("**The HAPI anchor failed**: " + e.getMessage());
                    failures.add("the HAPI anchor");
                }
            }
            report.line("Finished " + Instant.now() + "; load average " + loadAverage());
        }
        Path file = root.resolve("src/system-tests/target/county-benchmark.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report.markdown());
        System.out.println("\n" + report.markdown() + "\nWritten to " + file);
        if (!failures.isEmpty()) {
            throw new IllegalStateException("The benchmark ran, but these failed (see the report): " + failures);
        }
    }

    static HttpRequest get(ReadRequest read, CountyPerson person, String token) {
        return HttpRequest.newBuilder(read.uri().apply(person)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Accept", read.accept()).GET().build();
    }

    /** Persons registered at K81001 (the benchmark GP's practice), the large record left out, in a seeded order. */
    static List<CountyPerson> sample(CountyPopulation county, int size, long seed) {
        List<CountyPerson> registered = new ArrayList<>(county.persons().stream()
                .filter(p -> p.index() != 0 && DemoRegion.GP_PRACTICE.equals(p.gpPractice())).toList());
        Collections.shuffle(registered, new Random(seed));
        return List.copyOf(registered.subList(0, Math.min(size, registered.size())));
    }

    private static List<String> categoryMix(Stack stack) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = stack.database().connectAs("postgres"); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT category, count(*) FROM record.care_item GROUP BY category "
                        + "ORDER BY count(*) DESC")) {
            while (rs.next()) {
                rows.add(String.format("%s %,d", rs.getString(1), rs.getLong(2)));
            }
        }
        return rows;
    }

    /** The 1-minute load average (Linux), or "unknown". */
    public static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
