package org.kmcr.audit.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.kmcr.audit.model.AuditEntry;
import org.kmcr.audit.model.PatternAlert;

/** Pattern alerts, their reviews and how far the log has been scanned: all append-only. */
@ApplicationScoped
public class PatternAlertRepository {

    private static final String ALERT = "SELECT a.*, r.outcome, r.note, r.reviewer_name, r.reviewed_at "
            + "FROM audit.pattern_alert a LEFT JOIN LATERAL (SELECT * FROM audit.pattern_alert_review r "
            + "WHERE r.alert_id = a.id ORDER BY r.reviewed_at DESC LIMIT 1) r ON true";

    private final Pool pool;

    PatternAlertRepository(Pool pool) {
        this.pool = pool;
    }

    public Pool pool() {
        return pool;
    }

    /** The last sequence scanned; 0 before the first scan. */
    public Uni<Long> scannedThrough() {
        return pool.query("SELECT coalesce(max(scanned_through), 0) AS through FROM audit.pattern_scan").execute()
                .map(rows -> rows.iterator().next().getLong("through"));
    }

    public Uni<Void> markScanned(SqlClient tx, long through) {
        return tx.preparedQuery("INSERT INTO audit.pattern_scan (scanned_through, scanned_at) VALUES ($1, $2) "
                + "ON CONFLICT DO NOTHING").execute(Tuple.of(through, utc(Instant.now()))).replaceWithVoid();
    }

    /** Disclosures of records after {@code sequence}, in order, at most {@code size}. */
    public Uni<List<AuditEntry>> recordOpenedAfter(long sequence, int size) {
        return pool.preparedQuery("SELECT sequence, occurred_at, action, outcome, actor_user_id, actor_name, actor_org, "
                + "subject_nhs_number FROM audit.audit_entry WHERE sequence > $1 ORDER BY sequence LIMIT $2")
                .execute(Tuple.of(sequence, size)).map(rows -> {
                    List<AuditEntry> entries = new ArrayList<>();
                    for (Row row : rows) {
                        AuditEntry e = new AuditEntry();
                        e.sequence = row.getLong("sequence");
                        e.occurredAt = row.getOffsetDateTime("occurred_at").toInstant();
                        e.action = row.getString("action");
                        e.outcome = row.getString("outcome");
                        e.actorUserId = row.getString("actor_user_id");
                        e.actorName = row.getString("actor_name");
                        e.actorOrg = row.getString("actor_org");
                        e.subjectNhsNumber = row.getString("subject_nhs_number");
                        entries.add(e);
                    }
                    return entries;
                });
    }

    /** How many different people's records the user opened in the hour up to {@code until}, and since which entry. */
    public Uni<long[]> peopleOpenedInTheHourBefore(String userId, Instant until) {
        return pool.preparedQuery("SELECT count(DISTINCT subject_nhs_number) AS people, min(sequence) AS first "
                + "FROM audit.audit_entry WHERE actor_user_id = $1 AND action LIKE 'record.%' AND outcome = 'permitted' "
                + "AND occurred_at > $2 AND occurred_at <= $3")
                .execute(Tuple.of(userId, utc(until.minusSeconds(3600)), utc(until)))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    Long first = row.getLong("first");
                    return new long[] {row.getLong("people"), first == null ? 0 : first};
                });
    }

    /** Whether an alert of this kind about this user already covers time after {@code since}. */
    public Uni<Boolean> raisedSince(String kind, String userId, Instant since) {
        return pool.preparedQuery("SELECT 1 FROM audit.pattern_alert WHERE kind = $1 AND actor_user_id = $2 "
                + "AND occurred_to > $3 LIMIT 1").execute(Tuple.of(kind, userId, utc(since)))
                .map(rows -> rows.size() > 0);
    }

    public Uni<Void> insert(SqlClient tx, List<PatternAlert> alerts) {
        if (alerts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery("INSERT INTO audit.pattern_alert (id, kind, actor_user_id, actor_name, actor_org, "
                + "subject_nhs_number, first_sequence, last_sequence, occurred_from, occurred_to, detail, raised_at) "
                + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)")
                .executeBatch(alerts.stream().map(a -> Tuple.from(Arrays.asList(a.id(), a.kind(),
                        a.actorUserId(), a.actorName(), a.actorOrg(), a.subjectNhsNumber(), a.firstSequence(),
                        a.lastSequence(), utc(a.occurredFrom()), utc(a.occurredTo()), a.detail(), utc(a.raisedAt()))))
                        .toList())
                .replaceWithVoid();
    }

    /** Alerts, newest first, open ones only when asked. */
    public Uni<List<PatternAlert>> list(boolean openOnly, int page, int size) {
        return pool.preparedQuery(ALERT + (openOnly ? " WHERE r.alert_id IS NULL" : "")
                + " ORDER BY a.raised_at DESC, a.id LIMIT $1 OFFSET $2").execute(Tuple.of(size, page * size))
                .map(rows -> {
                    List<PatternAlert> alerts = new ArrayList<>();
                    rows.forEach(row -> alerts.add(alert(row)));
                    return alerts;
                });
    }

    public Uni<PatternAlert> find(UUID id) {
        return pool.preparedQuery(ALERT + " WHERE a.id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : alert(rows.iterator().next()));
    }

    public Uni<Void> review(UUID id, String outcome, String note, String reviewerUserId, String reviewerName) {
        return pool.preparedQuery("INSERT INTO audit.pattern_alert_review (alert_id, outcome, note, reviewer_user_id, "
                + "reviewer_name, reviewed_at) VALUES ($1, $2, $3, $4, $5, $6)")
                .execute(Tuple.from(Arrays.asList(id, outcome, note, reviewerUserId, reviewerName,
                        utc(Instant.now())))).replaceWithVoid();
    }

    private static PatternAlert alert(Row row) {
        OffsetDateTime reviewed = row.getOffsetDateTime("reviewed_at");
        return new PatternAlert(row.getUUID("id"), row.getString("kind"), row.getString("actor_user_id"),
                row.getString("actor_name"), row.getString("actor_org"), row.getString("subject_nhs_number"),
                row.getLong("first_sequence"), row.getLong("last_sequence"),
                row.getOffsetDateTime("occurred_from").toInstant(), row.getOffsetDateTime("occurred_to").toInstant(),
                row.getString("detail"), row.getOffsetDateTime("raised_at").toInstant(),
                reviewed == null ? PatternAlert.OPEN : PatternAlert.REVIEWED, row.getString("outcome"),
                row.getString("note"), row.getString("reviewer_name"), reviewed == null ? null : reviewed.toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
