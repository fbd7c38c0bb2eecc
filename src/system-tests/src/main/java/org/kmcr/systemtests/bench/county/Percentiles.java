package org.kmcr.systemtests.bench.county;

import java.util.Arrays;

/** Latency percentiles in milliseconds (nearest rank) and throughput of one closed-loop run. */
public record Percentiles(int count, double p50, double p95, double p99, double max, double perSecond) {

    static Percentiles of(long[] nanos, double seconds) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Percentiles(sorted.length, rank(sorted, 50), rank(sorted, 95), rank(sorted, 99),
                sorted[sorted.length - 1] / 1e6, sorted.length / seconds);
    }

    private static double rank(long[] sorted, int percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }
}
