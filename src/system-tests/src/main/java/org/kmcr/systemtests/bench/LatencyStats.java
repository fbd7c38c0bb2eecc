package org.kmcr.systemtests.bench;

import java.util.Arrays;
import java.util.List;

/** Percentiles of a set of latencies, in milliseconds, by the nearest-rank method. */
public record LatencyStats(int count, double p50, double p90, double p95, double p99, double max) {

    public static LatencyStats ofNanos(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new LatencyStats(sorted.length, millis(sorted, 50), millis(sorted, 90), millis(sorted, 95), millis(sorted, 99),
                sorted[sorted.length - 1] / 1e6);
    }

    static LatencyStats ofNanos(List<Long> nanos) {
        return ofNanos(nanos.stream().mapToLong(Long::longValue).toArray());
    }

    private static double millis(long[] sorted, int percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }
}
