package org.kmcr.consent.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.kmcr.consent.rest.ConsentFixtures.LONG_AGO;
import static org.kmcr.consent.rest.ConsentFixtures.RECORD;
import static org.kmcr.consent.rest.ConsentFixtures.decisionRequest;
import static org.kmcr.consent.rest.ConsentFixtures.newOrgCode;
import static org.kmcr.consent.rest.ConsentFixtures.partner;
import static org.kmcr.consent.rest.ConsentFixtures.relationship;
import static org.kmcr.consent.rest.ConsentFixtures.staff;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;
import org.kmcr.common.testing.KmcrTestEnvironment;
import org.kmcr.common.testing.TestNhsNumbers;
import org.kmcr.consent.repository.PolicyRepository;

/**
 * Benchmark, not part of {@code ./mvnw verify} (run it by name): the consent service alone on the real PostgreSQL,
 * as record-query calls it (HTTP, its service token, JSON), cached and uncached at 1 and 16 clients; and, side by
 * side in the same run, the version read every decision makes, alone and in process (the share of a cached
 * decision that is the database round trip). The end-to-end figures (Keycloak tokens, the whole
 * stack, a record read) are {@code DecisionBenchmark}'s in src/system-tests. See docs/benchmarks.md.
 */
@QuarkusTest
@QuarkusTestResource(KmcrTestEnvironment.class)
class DecisionLatencyBenchmark extends AuditedResourceTest {

    static final int PEOPLE = 100;
    static final int WARM_UP = Integer.getInteger("kmcr.bench.warm-up", 1000);
    static final int REQUESTS = Integer.getInteger("kmcr.bench.requests", 4000);
    static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/api/access-decisions")
    URI decisions;
    @Inject
    PolicyRepository repository;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void decisionLatency() throws Exception {
        String org = newOrgCode();
        partner(org, LONG_AGO, null);
        List<UUID> people = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            UUID person = UUID.randomUUID();
            relationship(person, org, "gp-registration");
            people.add(person);
            bodies.add(JSON.writeValueAsString(decisionRequest(person, TestNhsNumbers.next(), staff("clinician", org),
                    null)));
        }
        String load = loadAverage();
        Map<String, double[]> rows = new LinkedHashMap<>();
        for (int clients : List.of(1, 16)) {
            String suffix = ", " + clients + (clients == 1 ? " client" : " clients");
            run(clients, WARM_UP, i -> decide(bodies.get(i % PEOPLE)));
            rows.put("HTTP decision, cached" + suffix, run(clients, REQUESTS, i -> decide(bodies.get(i % PEOPLE))));
            String round = UUID.randomUUID().toString().substring(0, 8);
            rows.put("HTTP decision, uncached" + suffix, run(clients, REQUESTS, i -> decide(bodies.get(i % PEOPLE)
                    .replace("\"u-clinician-" + org + "\"", "\"bench-" + round + "-" + i + "\""))));
            rows.put("version read alone (in process)" + suffix, run(clients, REQUESTS,
                    i -> repository.versions(people.get(i % PEOPLE)).await().indefinitely()));
        }
        StringBuilder report = new StringBuilder(String.format("Load average before: %s, after: %s.%n%n", load,
                loadAverage()));
        report.append(String.format("| consent alone, %d people, %d requests per row (after %d warm-up) | p50 (ms) "
                + "| p90 (ms) | p99 (ms) | max (ms) | req/s |%n|---|---:|---:|---:|---:|---:|%n", PEOPLE, REQUESTS,
                WARM_UP));
        rows.forEach((name, r) -> report.append(String.format("| %s | %.2f | %.2f | %.2f | %.2f | %.0f |%n", name,
                r[0], r[1], r[2], r[3], r[4])));
        Path file = Path.of("target/decision-latency-benchmark.md");
        Files.writeString(file, report.toString());
        System.out.println("\n" + report + "\nWritten to " + file.toAbsolutePath());
    }

    private void decide(String body) {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(decisions)
                    .header("Authorization", "Bearer " + RECORD).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), answer.body());
            if (!answer.body().contains("\"permit\"")) {
                throw new AssertionError("not a permit: " + answer.body());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** p50, p90, p99, max (ms) and requests per second of {@code requests} calls shared by {@code clients} threads. */
    private static double[] run(int clients, int requests, IntConsumer call) throws Exception {
        long[] nanos = new long[requests];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        List<java.util.concurrent.Future<?>> users = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            users.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    long t = System.nanoTime();
                    call.accept(i);
                    nanos[i] = System.nanoTime() - t;
                }
            }));
        }
        for (java.util.concurrent.Future<?> user : users) {
            user.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        Arrays.sort(nanos);
        return new double[] {at(nanos, 50), at(nanos, 90), at(nanos, 99), nanos[nanos.length - 1] / 1e6,
                requests / seconds};
    }

    private static double at(long[] sorted, int percentile) {
        return sorted[Math.max(0, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)] / 1e6;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
