package org.kmcr.ingest.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.kmcr.ingest.model.BulkJob;
import org.kmcr.ingest.model.RowOutcome;

/** Bulk jobs, their progress and their per-row report. */
@ApplicationScoped
public class BulkJobRepository implements PanacheRepositoryBase<BulkJob, UUID> {

    /** A batch's row outcomes in one statement (bound as one JSON array), and the job's counters in another. */
    private static final String INSERT_ROWS = """
            INSERT INTO ingest.bulk_row (job_id, row_number, outcome, record_id, error, dead_letter_id)
            SELECT CAST(:job AS uuid), x.row_number, x.outcome, x.record_id, x.error, x.dead_letter_id
            FROM jsonb_to_recordset(CAST(CAST(:rows AS text) AS jsonb))
                AS x(row_number bigint, outcome text, record_id text, error text, dead_letter_id uuid)
            ON CONFLICT (job_id, row_number) DO UPDATE SET outcome = EXCLUDED.outcome, record_id = EXCLUDED.record_id,
                error = EXCLUDED.error, dead_letter_id = EXCLUDED.dead_letter_id""";
    private static final String COUNT = """
            UPDATE ingest.bulk_job SET rows_read = rows_read + :read, rows_accepted = rows_accepted + :accepted,
                rows_rejected = rows_rejected + :rejected WHERE id = CAST(:job AS uuid)""";
    private static final String ROWS = """
            SELECT row_number, outcome, record_id, error, dead_letter_id FROM ingest.bulk_row
            WHERE job_id = CAST(:job AS uuid) AND (:any OR outcome = :outcome) AND row_number > :after
            ORDER BY row_number LIMIT :size""";

    /** Records the outcomes of a batch of rows and adds them to the job's counts. */
    public Uni<Void> recordRows(UUID jobId, List<RowOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        JsonArray rows = new JsonArray();
        outcomes.forEach(outcome -> rows.add(new JsonObject().put("row_number", outcome.rowNumber())
                .put("outcome", outcome.outcome()).put("record_id", outcome.recordId()).put("error", outcome.error())
                .put("dead_letter_id", outcome.deadLetterId() == null ? null : outcome.deadLetterId().toString())));
        long accepted = outcomes.stream().filter(RowOutcome::accepted).count();
        return getSession().chain(session -> session.createNativeQuery(INSERT_ROWS)
                        .setParameter("job", jobId.toString()).setParameter("rows", rows.encode()).executeUpdate())
                .chain(() -> getSession().chain(session -> session.createNativeQuery(COUNT)
                        .setParameter("job", jobId.toString()).setParameter("read", (long) outcomes.size())
                        .setParameter("accepted", accepted).setParameter("rejected", outcomes.size() - accepted)
                        .executeUpdate()))
                .replaceWithVoid();
    }

    /** The job's row outcomes after a row number, in row order: all, or only those of one outcome. */
    public Uni<List<RowOutcome>> rows(UUID jobId, String outcomeOrNull, long afterRow, int size) {
        return getSession().chain(session -> session.createNativeQuery(ROWS, Object[].class)
                        .setParameter("job", jobId.toString()).setParameter("any", outcomeOrNull == null)
                        .setParameter("outcome", String.valueOf(outcomeOrNull)).setParameter("after", afterRow)
                        .setParameter("size", size).getResultList())
                .map(rows -> rows.stream().map(row -> new RowOutcome(((Number) row[0]).longValue(), (String) row[1],
                        (String) row[2], (String) row[3], (UUID) row[4])).toList());
    }
}
