package org.kmcr.audit.bench;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.kmcr.audit.service.GroupCommit;
import org.kmcr.common.testing.KmcrTestEnvironment;
import org.kmcr.common.testing.PostgresDatabase;
import org.kmcr.common.testing.TestTokens;

/**
 * The append benchmark (not in the default test run: {@code -Dkmcr.bench=true}): sustained appends per second
 * through the real service (HTTP, token check, validation, group commit) on the database of
 * {@link KmcrTestEnvironment} (the local PostgreSQL when it answers), at 1, 16 and 64 concurrent writers; the
 * per-append latency is what a record read waits for before it discloses anything. Appends its rows to
 * {@code target/audit-benchmark.md}. {@link SerialAppendBenchmark} runs the same with one event per transaction.
 */
@QuarkusTest
@QuarkusTestResource(KmcrTestEnvironment.class)
@EnabledIfSystemProperty(named = "kmcr.bench", matches = "true")
public class GroupCommitBenchmark {

    static final Duration WARM_UP = Duration.ofSeconds(3);
    static final Duration MEASURED = Duration.ofSeconds(Long.getLong("kmcr.bench.seconds", 10));

    @TestHTTPResource("/api/audit-events")
    URI endpoint;

    @Inject
    MeterRegistry meters;

    @Inject
    GroupCommit groupCommit;

    @Test
    void appendRates() throws Exception {
        // creates the writer, and with it its meters, before the first snapshot (a slow warm-up may not reach it)
        groupCommit.waiting();
        measure("group commit", endpoint, meters);
    }

    /** Batches so far, events in them, and seconds spent committing them. */
    static double[] snapshot(MeterRegistry meters) {
        DistributionSummary sizes = meters.get("kmcr.audit.append.batch.size").summary();
        Timer times = meters.get("kmcr.audit.append.batch.duration").timer();
        return new double[] {sizes.count(), sizes.totalAmount(), times.totalTime(TimeUnit.SECONDS)};
    }

    static void measure(String mode, URI endpoint, MeterRegistry meters) throws Exception {
        AppendLoad load = new AppendLoad(endpoint, TestTokens.service("kmcr-record"));
        Path report = Path.of("target/audit-benchmark.md");
        if (!Files.exists(report)) {
            PostgresDatabase.ServerSettings server = KmcrTestEnvironment.database().server();
            Files.writeString(report, "Database: " + server + "\n\n" + AppendLoad.header() + "\n");
        }
        for (int writers : AppendLoad.writers()) {
            // the warm-up creates the meters; they are read after it, and again at the end
            AppendLoad.Result result = load.run(writers, WARM_UP, MEASURED, () -> snapshot(meters));
            double[] before = result.before();
            double[] after = snapshot(meters);
            long batches = (long) (after[0] - before[0]);
            String row = AppendLoad.row(mode, result) + String.format(" %.1f | %.1f |", (after[1] - before[1]) / batches,
                    1000 * (after[2] - before[2]) / batches);
            System.out.println(row);
            Files.writeString(report, row + "\n", StandardOpenOption.APPEND);
        }
    }
}
