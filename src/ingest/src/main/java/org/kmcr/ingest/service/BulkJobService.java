package org.kmcr.ingest.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.kmcr.common.client.Workers;
import org.kmcr.common.consent.SharingPartner;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.ingest.bulk.ExtractFormat;
import org.kmcr.ingest.bulk.RowSource;
import org.kmcr.ingest.config.BulkConfig;
import org.kmcr.ingest.model.BulkJob;
import org.kmcr.ingest.model.RowOutcome;
import org.kmcr.ingest.model.Sender;

/**
 * Loads bulk social care extracts as jobs: the upload is spooled to a file as it streams in (a file of any size
 * never sits in memory), the job is answered at once, then the file is read batch by batch ({@link BulkIntake}) and
 * each batch's outcomes recorded ({@link BulkJobStore}), so progress is visible while it runs. Rejected rows are kept
 * as dead letters (one-row extracts) and replayed through the dead letters' API.
 */
@ApplicationScoped
public class BulkJobService {

    private static final Logger LOG = Logger.getLogger(BulkJobService.class);

    private final BulkIntake intake;
    private final BulkJobStore store;
    private final SenderCheck senders;
    private final BulkConfig config;
    private final ObjectMapper json;
    private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger running = new AtomicInteger();
    private volatile boolean stopping;

    BulkJobService(BulkIntake intake, BulkJobStore store, SenderCheck senders, BulkConfig config, ObjectMapper json) {
        this.intake = intake;
        this.store = store;
        this.senders = senders;
        this.config = config;
        this.json = json;
    }

    /**
     * Takes an upload: checks the sender is a sharing partner in force, spools the body, creates the job and starts
     * it (or queues it behind the jobs running). Blocking: call it on a worker thread, with the request body as it
     * streams in.
     */
    public BulkJob accept(Sender sender, ExtractFormat format, InputStream body) {
        Instant receivedAt = Instant.now();
        SharingPartner partner = onContext(() -> senders.requirePartner(sender));
        Path file = spool(body);
        try {
            BulkJob job = onContext(() -> store.create(sender, format.mediaType(), sizeOf(file), receivedAt));
            enqueue(() -> run(job.id, sender, partner, format, file, receivedAt));
            return job;
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    /** Processes a kept row (a one-row extract) again; answers its outcome, or fails with its problem. */
    public Uni<RowOutcome> replayRow(Sender sender, String contentType, String payload) {
        ExtractFormat format = ExtractFormat.of(contentType).orElseThrow();
        return senders.requirePartner(sender).chain(partner -> Workers.call(() -> {
            try (RowSource rows = format.open(new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8)), json)) {
                return rows.next(2);
            }
        }).chain(rows -> intake.take(sender, partner, rows, csvHeader(format, payload), Instant.now())).map(taken -> {
            if (taken.size() != 1) {
                throw new ProblemException(422, "Unprocessable row", "The kept row is not one row of an extract");
            }
            if (taken.get(0).problem() != null) {
                throw taken.get(0).problem();
            }
            return taken.get(0).outcome();
        }));
    }

    private static String csvHeader(ExtractFormat format, String payload) {
        return format == ExtractFormat.CSV ? payload.lines().findFirst().orElse("") : null;
    }

    private void enqueue(Runnable job) {
        waiting.add(job);
        startWaiting();
    }

    private void startWaiting() {
        while (running.get() < config.parallelJobs()) {
            Runnable next = waiting.poll();
            if (next == null) {
                return;
            }
            running.incrementAndGet();
            next.run();
        }
    }

    private void run(UUID jobId, Sender sender, SharingPartner partner, ExtractFormat format, Path file,
            Instant receivedAt) {
        VertxContextSupport.subscribe(() -> store.started(jobId)
                .chain(() -> Workers.call(() -> open(format, file)))
                .chain(opened -> batches(jobId, sender, partner, opened, receivedAt)
                        .eventually(() -> close(opened.rows())))
                .chain(() -> store.finished(jobId, null))
                .onFailure().recoverWithUni(failure -> {
                    LOG.errorf("Bulk job %s stopped: %s", jobId, failure.getClass().getName());
                    return store.finished(jobId, failure instanceof ProblemException problem ? problem.getMessage()
                            : "The job stopped unexpectedly; rows before it keep their outcomes. Send the file "
                                    + "again: rows already stored are unchanged");
                })
                .eventually(() -> {
                    delete(file);
                    running.decrementAndGet();
                    startWaiting();
                })
                .toMulti(), subscribe -> subscribe.with(done -> { }, failure -> LOG.errorf("Bulk job %s could not "
                        + "be finished: %s", jobId, failure.getClass().getName())));
    }

    private record Opened(RowSource rows, String csvHeader) {
    }

    private Opened open(ExtractFormat format, Path file) throws IOException {
        String header = null;
        if (format == ExtractFormat.CSV) {
            try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
                header = lines.findFirst().orElse("").replace("\uFEFF", "");
            }
        }
        return new Opened(format.open(Files.newInputStream(file), json), header);
    }

    /** Ends the running jobs at their next batch when the instance shuts down (they end failed: send again). */
    void stop(@jakarta.enterprise.event.Observes io.quarkus.runtime.ShutdownEvent event) {
        stopping = true;
    }

    /** Reads, takes and records one batch after another until the end of the file. */
    private Uni<Void> batches(UUID jobId, Sender sender, SharingPartner partner, Opened opened, Instant receivedAt) {
        if (stopping) {
            return Uni.createFrom().failure(ProblemException.unavailable("The instance loading the extract shut "
                    + "down; rows before it keep their outcomes. Send the file again: rows already stored are "
                    + "unchanged"));
        }
        long started = System.nanoTime();
        return Workers.call(() -> opened.rows().next(config.batchRows())).chain(rows -> rows.isEmpty()
                ? Uni.createFrom().voidItem()
                : intake.take(sender, partner, rows, opened.csvHeader(), receivedAt)
                        .chain(taken -> store.recordBatch(jobId, sender, taken, receivedAt))
                        .invoke(() -> LOG.debugf("bulk job %s: batch of %d rows in %d ms", jobId, rows.size(),
                                (System.nanoTime() - started) / 1_000_000))
                        .chain(() -> batches(jobId, sender, partner, opened, receivedAt)));
    }

    private Uni<Void> close(RowSource rows) {
        return Workers.call(() -> {
            rows.close();
            return null;
        }).replaceWithVoid();
    }

    /** Copies the body to a spool file, refusing (413) one bigger than the configured limit. */
    private Path spool(InputStream body) {
        Path file = null;
        try {
            Path dir = config.spoolDirectory().map(Path::of).orElse(Path.of(System.getProperty("java.io.tmpdir")));
            file = Files.createTempFile(dir, "kmcr-bulk-", ".part");
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            try (OutputStream out = Files.newOutputStream(file)) {
                int read;
                while ((read = body.read(buffer)) != -1) {
                    total += read;
                    if (total > config.maxBytes()) {
                        throw new ProblemException(413, "Payload too large", "The extract is larger than "
                                + config.maxBytes() + " bytes: split it into several files");
                    }
                    out.write(buffer, 0, read);
                }
            }
            return file;
        } catch (IOException e) {
            delete(file);
            throw ProblemException.unavailable("KMCR could not take the extract (it could not spool it); nothing was "
                    + "stored. Send it again");
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void delete(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("Could not delete the spool file %s", file.getFileName());
        }
    }

    /** Runs reactive (database, client) work on a Vert.x context and waits for it: only from a worker thread. */
    private static <T> T onContext(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> work.get().ifNoItem().after(Duration.ofSeconds(30))
                    .failWith(() -> ProblemException.unavailable("KMCR did not answer in time; nothing was stored. "
                            + "Send the extract again")));
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
