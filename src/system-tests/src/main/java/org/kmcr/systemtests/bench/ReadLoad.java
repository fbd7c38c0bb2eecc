package org.kmcr.systemtests.bench;

import java.io.IOException;
import java.net.URI;
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
import java.util.concurrent.atomic.AtomicReference;

/**
 * A fixed number of requests shared by a fixed number of virtual users (threads), each sending its next request
 * as soon as the previous one is answered: GETs of targets taken in turn, or any request made for its index. Any
 * answer other than 200 fails the run.
 */
public final class ReadLoad implements AutoCloseable {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final int virtualUsers;
    private final ExecutorService pool;
    private final java.util.concurrent.atomic.AtomicLong answered = new java.util.concurrent.atomic.AtomicLong();

    public ReadLoad(int virtualUsers) {
        this.virtualUsers = virtualUsers;
        this.pool = Executors.newFixedThreadPool(virtualUsers);
    }

    public Result run(List<URI> targets, String token, String accept, int requests) throws InterruptedException {
        return run(i -> HttpRequest.newBuilder(targets.get(i % targets.size())).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Accept", accept).GET().build(), requests);
    }

    /** Sends {@code requests} requests, the i-th being {@code requestFor.apply(i)}. */
    public Result run(java.util.function.IntFunction<HttpRequest> requestFor, int requests) throws InterruptedException {
        long[] latencies = new long[requests];
        AtomicInteger next = new AtomicInteger();
        AtomicReference<String> failure = new AtomicReference<>();
        List<Callable<Void>> users = new ArrayList<>();
        for (int user = 0; user < virtualUsers; user++) {
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
        return new Result(LatencyStats.ofNanos(latencies), requests / seconds);
    }

    private long timed(HttpRequest request, AtomicReference<String> failure) {
        String target = request.method() + " " + request.uri();
        long sent = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long elapsed = System.nanoTime() - sent;
            answered.addAndGet(response.body().length());
            if (response.statusCode() != 200) {
                failure.compareAndSet(null, target + " answered " + response.statusCode() + ": "
                        + response.body().substring(0, Math.min(400, response.body().length())));
            }
            return elapsed;
        } catch (IOException e) {
            failure.compareAndSet(null, target + " failed: " + e);
            return System.nanoTime() - sent;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.compareAndSet(null, "interrupted");
            return 0;
        }
    }

    /** Characters of answers read since the last call. */
    public long takeAnsweredChars() {
        return answered.getAndSet(0);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    /** Latencies and throughput (requests per second of wall-clock time) of one run. */
    public record Result(LatencyStats latency, double perSecond) {
    }
}
