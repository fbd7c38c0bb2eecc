package org.kmcr.systemtests.bench;

import java.util.List;
import org.kmcr.systemtests.demo.DemoLoader.PostedBundle;

/** Ingest rate and per-bundle latency of bundles posted one at a time, after the first few (the warm-up). */
record IngestFigures(int bundles, int items, double bundlesPerSecond, double itemsPerSecond, LatencyStats latency) {

    static IngestFigures of(List<PostedBundle> posted, int warmUp) {
        List<PostedBundle> measured = posted.subList(warmUp, posted.size());
        double seconds = (measured.get(measured.size() - 1).answeredNanos() - measured.get(0).sentNanos()) / 1e9;
        int items = measured.stream().mapToInt(PostedBundle::items).sum();
        return new IngestFigures(measured.size(), items, measured.size() / seconds, items / seconds,
                LatencyStats.ofNanos(measured.stream().map(b -> b.answeredNanos() - b.sentNanos()).toList()));
    }
}
