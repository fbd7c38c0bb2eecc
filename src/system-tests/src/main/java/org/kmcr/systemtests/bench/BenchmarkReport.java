package org.kmcr.systemtests.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The benchmark's results as markdown tables. */
final class BenchmarkReport {

    private final StringBuilder out = new StringBuilder();

    BenchmarkReport(String machine) {
        out.append("## Slice benchmark, ").append(OffsetDateTime.now().withNano(0)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append("\n\n").append(machine).append("\n");
    }

    BenchmarkReport processes(double stackSeconds, List<ProcessFootprint> processes) {
        out.append(String.format("%nWhole stack ready after %.1f s (fresh database, then Keycloak, then the five "
                + "services started together).%n", stackSeconds));
        out.append("\n| process | started in (s) | RSS when ready (MiB) | RSS at end (MiB) |\n|---|---:|---:|---:|\n");
        for (ProcessFootprint process : processes) {
            out.append(String.format("| %s | %.1f | %d | %d |%n", process.name(), process.startUpSeconds(),
                    process.residentMiBWhenReady(), process.residentMiBAtEnd()));
        }
        return this;
    }

    BenchmarkReport ingest(int people, int warmUp, IngestFigures ingest) {
        out.append(String.format("%n| ingest, one bundle at a time (%d people; first %d bundles excluded) "
                + "| value |%n|---|---:|%n", people, warmUp));
        out.append(String.format("| bundles / items measured | %d / %d |%n", ingest.bundles(), ingest.items()));
        out.append(String.format("| bundles/s | %.1f |%n| items/s | %.1f |%n", ingest.bundlesPerSecond(),
                ingest.itemsPerSecond()));
        out.append(String.format("| latency per bundle p50 / p99 / max (ms) | %.1f / %.1f / %.1f |%n",
                ingest.latency().p50(), ingest.latency().p99(), ingest.latency().max()));
        return this;
    }

    BenchmarkReport reads(String heading, Map<String, ReadLoad.Result> results) {
        List<String> names = new ArrayList<>(results.keySet());
        out.append("\n| ").append(heading).append(" | ").append(String.join(" | ", names)).append(" |\n|---|")
                .append("---:|".repeat(names.size())).append('\n');
        row("requests", names, results, r -> String.valueOf(r.latency().count()));
        row("p50 (ms)", names, results, r -> String.format("%.1f", r.latency().p50()));
        row("p90 (ms)", names, results, r -> String.format("%.1f", r.latency().p90()));
        row("p99 (ms)", names, results, r -> String.format("%.1f", r.latency().p99()));
        row("max (ms)", names, results, r -> String.format("%.1f", r.latency().max()));
        row("throughput (req/s)", names, results, r -> String.format("%.1f", r.perSecond()));
        return this;
    }

    String markdown() {
        return out.toString();
    }

    void writeTo(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, markdown());
    }

    private void row(String label, List<String> names, Map<String, ReadLoad.Result> results,
            Function<ReadLoad.Result, String> cell) {
        out.append("| ").append(label);
        names.forEach(name -> out.append(" | ").append(cell.apply(results.get(name))));
        out.append(" |\n");
    }
}
