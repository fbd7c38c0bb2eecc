package org.kmcr.systemtests.bench.county;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * A closed loop: {@code clients} threads share a fixed number of requests, each sending its next one as soon as the
 * previous answer has been read to the end. Any answer but 200 fails the run (with the answer's start). The same
 * driver measures KMCR and the HAPI anchor.
 */
final class ClosedLoad implements AutoCloseable {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final int clients;
    private final ExecutorService pool;
    private final AtomicLong bytes = new AtomicLong();

    ClosedLoad(int clients) {
        this.clients = clients;
        this.pool = Executors.newFixedThreadPool(clients);
    }

    Percentiles run(IntFunction<HttpRequest> requestFor, int requests) throws InterruptedException {
        long[] latencies = new long[requests];
        AtomicInteger next = new AtomicInteger();
        AtomicReference<String> failure = new AtomicReference<>();
        List<Callable<Void>> users = new ArrayList<>();
        for (int user = 0; user < clients; user++) {
            users.add(() -> {
                int i = next.getAndIncrement();
                while (i < requests && failure.get() == null) {
                    latencies[i] = timed(requestFor.apply(i), failure);
                    i = next.getAndIncrement();
                }
                return null;
            });
        }
        long started = System.nanoTime();
        pool.invokeAll(users);
        double seconds = (System.nanoTime() - started) / 1e9;
        if (failure.get() != null) {
            throw new IllegalStateException(failure.get());
        }
        return Percentiles.of(latencies, seconds);
    }

    /** Bytes of answers read since the last call. */
    long takeBytes() {
        return bytes.getAndSet(0);
    }

    private long timed(HttpRequest request, AtomicReference<String> failure) {
        long sent = System.nanoTime();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            byte[] body;
            try (InputStream in = response.body()) {
                body = in.readAllBytes();
            }
            long elapsed = System.nanoTime() - sent;
            bytes.addAndGet(body.length);
            if (response.statusCode() != 200) {
                String text = new String(body, 0, Math.min(body.length, 400), java.nio.charset.StandardCharsets.UTF_8);
                failure.compareAndSet(null, request.method() + " " + request.uri() + " answered "
                        + response.statusCode() + ": " + text);
            }
            return elapsed;
        } catch (IOException e) {
            failure.compareAndSet(null, request.method() + " " + request.uri() + " failed: " + e);
            return System.nanoTime() - sent;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.compareAndSet(null, "interrupted");
            return 0;
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
