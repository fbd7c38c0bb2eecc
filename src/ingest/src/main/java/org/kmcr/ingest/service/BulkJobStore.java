package org.kmcr.ingest.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.ingest.model.BulkJob;
import org.kmcr.ingest.model.DeadLetter;
import org.kmcr.ingest.model.RowOutcome;
import org.kmcr.ingest.model.Sender;
import org.kmcr.ingest.repository.BulkJobRepository;
import org.kmcr.ingest.repository.DeadLetterRepository;

/** The bulk jobs' state and reports, each change in its own short transaction. */
@ApplicationScoped
public class BulkJobStore {

    private final BulkJobRepository jobs;
    private final DeadLetterRepository letters;
    private final DeadLetterService deadLetters;

    BulkJobStore(BulkJobRepository jobs, DeadLetterRepository letters, DeadLetterService deadLetters) {
        this.jobs = jobs;
        this.letters = letters;
        this.deadLetters = deadLetters;
    }

    @WithTransaction
    public Uni<BulkJob> create(Sender sender, String format, long bytes, Instant receivedAt) {
        BulkJob job = new BulkJob();
        job.id = UUID.randomUUID();
        job.sourceOrg = sender.orgCode();
        job.sourceSystem = sender.system();
        job.format = format;
        job.state = BulkJob.QUEUED;
        job.bytes = bytes;
        job.receivedAt = receivedAt;
        return jobs.persist(job);
    }

    @WithTransaction
    public Uni<Void> started(UUID id) {
        return jobs.findById(id).invoke(job -> {
            job.state = BulkJob.RUNNING;
            job.startedAt = Instant.now();
        }).replaceWithVoid();
    }

    /** Ends the job: completed, or failed with the reason (rows before it keep their outcomes). */
    @WithTransaction
    public Uni<Void> finished(UUID id, String errorOrNull) {
        return jobs.findById(id).invoke(job -> {
            job.state = errorOrNull == null ? BulkJob.COMPLETED : BulkJob.FAILED;
            job.error = errorOrNull;
            job.finishedAt = Instant.now();
        }).replaceWithVoid();
    }

    /**
     * Records a batch's outcomes: each rejected row kept as a dead letter (a one-row extract), every row's outcome in
     * the report, the job's counts; all in one transaction.
     */
    @WithTransaction
    public Uni<Void> recordBatch(UUID jobId, Sender sender, List<BulkIntake.Taken> taken, Instant receivedAt) {
        List<DeadLetter> kept = new ArrayList<>();
        List<RowOutcome> outcomes = new ArrayList<>(taken.size());
        for (BulkIntake.Taken row : taken) {
            if (row.problem() == null) {
                outcomes.add(row.outcome());
            } else {
                DeadLetter letter = deadLetters.letter(sender, row.contentType(), row.payload(), row.problem(),
                        receivedAt);
                kept.add(letter);
                RowOutcome outcome = row.outcome();
                outcomes.add(new RowOutcome(outcome.rowNumber(), outcome.outcome(), outcome.recordId(),
                        outcome.error(), letter.id));
            }
        }
        Uni<Void> keep = kept.isEmpty() ? Uni.createFrom().voidItem() : letters.persist(kept);
        return keep.chain(() -> jobs.recordRows(jobId, outcomes));
    }

    /** A job of the given organisation; 404 for any other organisation's, as if it did not exist. */
    @WithSession
    public Uni<BulkJob> find(UUID id, String sourceOrg) {
        return jobs.findById(id).map(job -> {
            if (job == null || !job.sourceOrg.equals(sourceOrg)) {
                throw ProblemException.notFound("No bulk job " + id + " for organisation " + sourceOrg);
            }
            return job;
        });
    }

    /** The job's per-row report after a row number (all rows, or those of one outcome), in row order. */
    @WithSession
    public Uni<List<RowOutcome>> rows(UUID id, String sourceOrg, String outcomeOrNull, long afterRow, int size) {
        return find(id, sourceOrg).chain(job -> jobs.rows(id, outcomeOrNull, afterRow, size));
    }
}
