package org.kmcr.systemtests.bench.county;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kmcr.systemtests.bench.ReadLoad;

/** The county benchmark's markdown report: the run, the load's steps, the data's shape, and the reads. */
final class CountyReport {

    private final CountyShape shape;
    private final List<String> lines = new ArrayList<>();
    private final Map<String, Double> steps = new LinkedHashMap<>();
    private final List<String> shapeLines = new ArrayList<>();
    private final List<String> reads = new ArrayList<>();
    private final List<String> serverTimes = new ArrayList<>();
    private final Map<String, ReadLoad.Result> byKey = new LinkedHashMap<>();

    CountyReport(CountyShape shape) {
        this.shape = shape;
    }

    void line(String line) {
        System.out.println(line);
        lines.add(line);
    }

    void step(String what, double seconds) {
        System.out.printf("%s: %.1f s%n", what, seconds);
        steps.put(what, seconds);
    }

    void shape(CountyPopulation county, List<String> categories) {
        int[] sizes = county.persons().stream().skip(1).mapToInt(CountyPerson::items).sorted().toArray();
        long atTrust = county.persons().stream().filter(CountyPerson::atTrust).count();
        shapeLines.add(String.format("%,d persons (%,d also known to the trust), %,d care items; the large record: "
                + "%,d items", county.persons().size(), atTrust, county.totalItems(), county.large().items()));
        shapeLines.add(String.format("items per person (the large record left out): mean %.1f, median %d, p90 %d, "
                + "p99 %d, p99.9 %d, max %d", Arrays.stream(sizes).average().orElse(0), at(sizes, 0.5),
                at(sizes, 0.9), at(sizes, 0.99), at(sizes, 0.999), sizes[sizes.length - 1]));
        shapeLines.add("items by category: " + String.join(", ", categories));
    }

    void read(String what, int clients, ReadLoad.Result p, double bytesPerAnswer) {
        byKey.put(what + "|" + clients, p);
        reads.add(String.format("| %s | %d | %,d | %.1f | %.1f | %.1f | %.1f | %.0f | %,.0f |", what, clients,
                p.latency().count(), p.latency().p50(), p.latency().p95(), p.latency().p99(), p.latency().max(),
                p.perSecond(), bytesPerAnswer));
    }

    void serverTimes(String run, List<String> endpoints) {
        endpoints.forEach(e -> System.out.println("  " + e));
        serverTimes.add("- " + run + ": " + String.join("; ", endpoints));
    }

    ReadLoad.Result result(String what, int clients) {
        return byKey.get(what + "|" + clients);
    }

    String markdown() {
        StringBuilder md = new StringBuilder("## County-scale reads\n\n");
        lines.forEach(l -> md.append("- ").append(l).append('\n'));
        md.append(String.format("%nShape: %s%n%n", shape));
        shapeLines.forEach(l -> md.append("- ").append(l).append('\n'));
        md.append("\n| load step | seconds |\n|---|---:|\n");
        steps.forEach((what, s) -> md.append(String.format("| %s | %.1f |%n", what, s)));
        md.append("\n| read | clients | requests | p50 ms | p95 ms | p99 ms | max ms | reads/s | chars/answer |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        reads.forEach(r -> md.append(r).append('\n'));
        md.append("\nWhere the time goes (each service's own mean time per request, from its metrics):\n\n");
        serverTimes.forEach(l -> md.append(l).append('\n'));
        return md.toString();
    }

    private static int at(int[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }
}
