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
 * With 1 and 16 concurrent clients. Prints a markdown table and writes it to
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
        try (Stack stack = Stack.start("kmcr_bench_consent")) {
            Keycloak keycloak = new Keycloak(Stack.REALM_URL);
            KmcrClient client = new KmcrClient();
            DemoLoader.load(stack, keycloak, client, people);
            String record = keycloak.clientCredentials("kmcr-record");
            List<String> bodies = new ArrayList<>();
            for (DemoPerson person : people) {
                if (DemoRegion.GP_PRACTICE.equals(person.gpPractice())) {
                    bodies.add(body(client.personId(record, person.nhsNumber()), person.nhsNumber(),
                            DemoRegion.GP_CLINICIAN));
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
                }
            }
            report.append(String.format("Database: %s.%n%n", stack.database().server()))
                    .append(String.format("| POST /api/access-decisions, %d GP patients, %d requests per row "
                            + "(after %d warm-up) | p50 (ms) | p90 (ms) | p99 (ms) | max (ms) | req/s |%n",
                            bodies.size(), REQUESTS, WARM_UP))
                    .append("|---|---:|---:|---:|---:|---:|\n");
            results.forEach((name, r) -> report.append(String.format("| %s | %.2f | %.2f | %.2f | %.2f | %.0f |%n",
                    name, r.latency().p50(), r.latency().p90(), r.latency().p99(), r.latency().max(), r.perSecond())));
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
