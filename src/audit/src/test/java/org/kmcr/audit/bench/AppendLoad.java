package org.kmcr.audit.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Closed-loop append load on the running audit service: {@code writers} threads, each posting its next event as
 * soon as the previous one is answered (201), for a fixed time after a warm-up. Localhost only, bounded in time.
 */
final class AppendLoad {

    /** Appends per second and per-append latency percentiles (ms), over the measured time. */
    record Result(int writers, long appends, double seconds, double p50, double p99, double max, double[] before) {

        double rate() {
            return appends / seconds;
        }
    }

    private final URI endpoint;
    private final String token;

    AppendLoad(URI endpoint, String token) {
        this.endpoint = endpoint;
        this.token = token;
    }

    /** @param atStart read once the warm-up is over, and kept in the result */
    Result run(int writers, Duration warmUp, Duration measured, Supplier<double[]> atStart) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(4)).build();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        AtomicInteger failures = new AtomicInteger();
        try {
            long warmEnd = System.nanoTime() + warmUp.toNanos();
            long end = warmEnd + measured.toNanos();
            List<Future<List<Long>>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                done.add(pool.submit(() -> {
                    List<Long> latencies = new ArrayList<>();
                    for (long now = System.nanoTime(); now < end; now = System.nanoTime()) {
                        long started = System.nanoTime();
                        HttpResponse<String> answer = client.send(request(), HttpResponse.BodyHandlers.ofString());
                        long took = System.nanoTime() - started;
                        if (answer.statusCode() != 201) {
                            failures.incrementAndGet();
                            throw new IllegalStateException("append answered " + answer.statusCode() + ": "
                                    + answer.body());
                        }
                        if (started >= warmEnd && started + took <= end) {
                            latencies.add(took);
                        }
                    }
                    return latencies;
                }));
            }
            Thread.sleep(Math.max(0, (warmEnd - System.nanoTime()) / 1_000_000));
            double[] before = atStart.get();
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> writer : done) {
                all.addAll(writer.get());
            }
            long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
            return new Result(writers, sorted.length, measured.toNanos() / 1e9, percentile(sorted, 50),
                    percentile(sorted, 99), sorted[sorted.length - 1] / 1e6, before);
        } finally {
            pool.shutdownNow();
        }
    }

    private HttpRequest request() {
        String body = """
                {"id":"%s","occurredAt":"%s","action":"record.summary.read","outcome":"permitted",\
                "purpose":"direct-care","accessBasis":"gp-registration","subjectNhsNumber":"9434765919",\
                "categories":["allergies","medications"],"actor":{"userId":"bench-user","displayName":"Dr Bench",\
                "role":"clinician","orgCode":"K81001"}}""".formatted(UUID.randomUUID(), Instant.now());
        return HttpRequest.newBuilder(endpoint).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static double percentile(long[] sorted, int percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    static String row(String mode, Result r) {
        return String.format("| %s | %d | %,d | %.0f | %.2f | %.2f | %.1f |", mode, r.writers(), r.appends(), r.rate(),
                r.p50(), r.p99(), r.max());
    }

    static String header() {
        return "| append | writers | appends | appends/s | p50 ms | p99 ms | max ms | events per transaction "
                + "| ms per transaction |\n|---|---|---|---|---|---|---|---|---|";
    }

    static int[] writers() {
        return Arrays.stream(System.getProperty("kmcr.bench.writers", "1,16,64").split(","))
                .mapToInt(Integer::parseInt).toArray();
    }
}
