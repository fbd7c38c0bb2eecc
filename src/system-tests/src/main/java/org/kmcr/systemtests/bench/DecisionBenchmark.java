package org.kmcr.systemtests.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kmcr.systemtests.bench.county.CountyBenchmark;
import org.kmcr.systemtests.demo.DemoData;
import org.kmcr.systemtests.demo.DemoLoader;
import org.kmcr.systemtests.demo.DemoPerson;
import org.kmcr.systemtests.stack.DemoRegion;
import org.kmcr.systemtests.stack.Keycloak;
import org.kmcr.systemtests.stack.KmcrClient;
import org.kmcr.systemtests.stack.ServiceSpec;
import org.kmcr.systemtests.stack.Stack;

/**
 * {@code ./mvnw verify -Pbench -Dkmcr.bench.main=org.kmcr.systemtests.bench.DecisionBenchmark}: access decision
 * latency over HTTP against the real consent service, as record-query asks (its client-credentials token), for the
 * GP's registered patients. Cached: the same decisions asked again (served from consent's decision cache after one
 * version query); uncached: every request names a different user, so none is in the cache and each loads its facts.
 * With 1 and 16 concurrent clients, beside a whole record summary read through record-query (whose decision is
 * cached), to show the decision's share of a read. Prints a markdown table and writes it to
 * src/system-tests/target/decision-benchmarks.md.
 */
public final class DecisionBenchmark {

    static final int PEOPLE = 200;
    static final long SEED = 20260101L;
    static final int WARM_UP = 500;
    static final int REQUESTS = 4000;
    static final List<Integer> CLIENTS = List.of(1, 16);
    static final ObjectMapper JSON = new ObjectMapper();

    private DecisionBenchmark() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("kmcr.root", "../..")).toAbsolutePath().normalize();
        List<DemoPerson> people = DemoData.generate(PEOPLE, SEED);
        StringBuilder report = new StringBuilder();
        String loadAverage = CountyBenchmark.loadAverage();
        try (Stack stack = Stack.start("kmcr_bench_consent")) {
            Keycloak keycloak = new Keycloak(Stack.REALM_URL);
            KmcrClient client = new KmcrClient();
            DemoLoader.load(stack, keycloak, client, people);
            String record = keycloak.clientCredentials("kmcr-record");
            List<String> bodies = new ArrayList<>();
            List<URI> summaries = new ArrayList<>();
            for (DemoPerson person : people) {
                if (DemoRegion.GP_PRACTICE.equals(person.gpPractice())) {
                    bodies.add(body(client.personId(record, person.nhsNumber()), person.nhsNumber(),
                            DemoRegion.GP_CLINICIAN));
                    summaries.add(URI.create(ServiceSpec.RECORD.url() + "/api/records/" + person.nhsNumber()
                            + "/summary"));
                }
            }
            Map<String, ReadLoad.Result> results = new LinkedHashMap<>();
            for (int clients : CLIENTS) {
                try (ReadLoad load = new ReadLoad(clients)) {
                    load.run(i -> decision(record, bodies.get(i % bodies.size())), WARM_UP);
                    results.put("cached, " + clients + (clients == 1 ? " client" : " clients"),
                            load.run(i -> decision(record, bodies.get(i % bodies.size())), REQUESTS));
                    String run = UUID.randomUUID().toString();
                    results.put("uncached, " + clients + (clients == 1 ? " client" : " clients"),
                            load.run(i -> decision(record, bodies.get(i % bodies.size())
                                    .replace("\"" + DemoRegion.GP_CLINICIAN + "\"", "\"bench-" + run + "-" + i + "\"")),
                                    REQUESTS));
                    // a whole read through record-query (identity, the decision, the database, the audit commit),
                    // the decision cached as in the first row
                    String gp = keycloak.login(DemoRegion.GP_CLINICIAN);
                    load.run(summaries, gp, "application/json", WARM_UP);
                    results.put("record summary read (decision cached), " + clients
                            + (clients == 1 ? " client" : " clients"),
                            load.run(summaries, gp, "application/json", REQUESTS));
                }
            }
            report.append(String.format("Database: %s. Load average before the run: %s.%n%n", stack.database().server(),
                    loadAverage))
                    .append(String.format("| POST /api/access-decisions (and GET /api/records/{nhs}/summary), %d GP "
                            + "patients, %d requests per row (after %d warm-up) | p50 (ms) | p90 (ms) | p99 (ms) | "
                            + "max (ms) | req/s |%n", bodies.size(), REQUESTS, WARM_UP))
                    .append("|---|---:|---:|---:|---:|---:|\n");
            results.forEach((name, r) -> report.append(String.format("| %s | %.2f | %.2f | %.2f | %.2f | %.0f |%n",
                    name, r.latency().p50(), r.latency().p90(), r.latency().p99(), r.latency().max(), r.perSecond())));
            report.append("\nThe decision's share of a read (cached decision / record summary read, same clients):\n\n")
                    .append("| clients | p50 share | p99 share |\n|---:|---:|---:|\n");
            for (int clients : CLIENTS) {
                String suffix = ", " + clients + (clients == 1 ? " client" : " clients");
                LatencyStats decision = results.get("cached" + suffix).latency();
                LatencyStats read = results.get("record summary read (decision cached)" + suffix).latency();
                report.append(String.format("| %d | %.2f of %.2f ms (%.0f%%) | %.2f of %.2f ms (%.0f%%) |%n", clients,
                        decision.p50(), read.p50(), 100 * decision.p50() / read.p50(), decision.p99(), read.p99(),
                        100 * decision.p99() / read.p99()));
            }
            report.append(String.format("%nLoad average after the run: %s.%n", CountyBenchmark.loadAverage()));
        }
        Path file = root.resolve("src/system-tests/target/decision-benchmarks.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report.toString());
        System.out.println("\n" + report + "\nWritten to " + file);
    }

    private static HttpRequest decision(String token, String body) {
        return HttpRequest.newBuilder(URI.create(ServiceSpec.CONSENT.url() + "/api/access-decisions"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String body(UUID personId, String nhsNumber, String userId) throws IOException {
        Map<String, Object> caller = new LinkedHashMap<>();
        caller.put("userId", userId);
        caller.put("displayName", "Asha Patel");
        caller.put("roles", List.of("clinician"));
        caller.put("orgCode", DemoRegion.GP_PRACTICE);
        caller.put("roleCode", "S8000:G8000:R8000");
        return JSON.writeValueAsString(Map.of("personId", personId.toString(), "nhsNumber", nhsNumber,
                "action", "summary", "caller", caller));
    }
}
