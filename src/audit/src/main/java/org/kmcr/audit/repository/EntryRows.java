package org.kmcr.audit.repository;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.kmcr.audit.model.AuditEntry;

/** Audit entries as rows of the SQL client: the column list, a row read into an entry, an entry as parameters. */
final class EntryRows {

    static final String COLUMNS = "sequence, event_id, occurred_at, recorded_at, action, outcome, actor_user_id, "
            + "actor_name, actor_role, actor_org, actor_role_profile, actor_role_code, actor_client, purpose, "
            + "access_basis, break_glass_reason, subject_person_id, subject_nhs_number, categories, prev_hash, hash";
    /** The columns' array types, in {@link #COLUMNS} order, for a multi-row insert from unnest(...). */
    static final List<String> ARRAY_TYPES = List.of("bigint[]", "uuid[]", "timestamptz[]", "timestamptz[]",
            "text[]", "text[]", "text[]", "text[]", "text[]", "text[]", "text[]", "text[]", "text[]", "text[]",
            "text[]", "text[]", "uuid[]", "text[]", "text[]", "text[]", "text[]");
    /** {@code unnest($1::bigint[], $2::uuid[], ...)}: one row per array element. */
    static final String UNNEST = "unnest(" + String.join(", ", IntStream.range(0, ARRAY_TYPES.size())
            .mapToObj(i -> "$" + (i + 1) + "::" + ARRAY_TYPES.get(i)).toList()) + ")";

    private EntryRows() {
    }

    static AuditEntry entry(Row row) {
        AuditEntry e = new AuditEntry();
        e.sequence = row.getLong("sequence");
        e.eventId = row.getUUID("event_id");
        e.occurredAt = row.getOffsetDateTime("occurred_at").toInstant();
        e.recordedAt = row.getOffsetDateTime("recorded_at").toInstant();
        e.action = row.getString("action");
        e.outcome = row.getString("outcome");
        e.actorUserId = row.getString("actor_user_id");
        e.actorName = row.getString("actor_name");
        e.actorRole = row.getString("actor_role");
        e.actorOrg = row.getString("actor_org");
        e.actorRoleProfile = row.getString("actor_role_profile");
        e.actorRoleCode = row.getString("actor_role_code");
        e.actorClient = row.getString("actor_client");
        e.purpose = row.getString("purpose");
        e.accessBasis = row.getString("access_basis");
        e.breakGlassReason = row.getString("break_glass_reason");
        e.subjectPersonId = row.getUUID("subject_person_id");
        e.subjectNhsNumber = row.getString("subject_nhs_number");
        e.categories = row.getString("categories");
        e.prevHash = row.getString("prev_hash");
        e.hash = row.getString("hash");
        return e;
    }

    /** Every entry's values as one array per column, for {@link #UNNEST}: one statement inserts them all. */
    static Tuple columns(List<AuditEntry> entries) {
        List<Function<AuditEntry, Object>> columns = List.of(e -> e.sequence, e -> e.eventId, e -> utc(e.occurredAt),
                e -> utc(e.recordedAt), e -> e.action, e -> e.outcome, e -> e.actorUserId, e -> e.actorName,
                e -> e.actorRole, e -> e.actorOrg, e -> e.actorRoleProfile, e -> e.actorRoleCode, e -> e.actorClient,
                e -> e.purpose, e -> e.accessBasis, e -> e.breakGlassReason, e -> e.subjectPersonId,
                e -> e.subjectNhsNumber, e -> e.categories, e -> e.prevHash, e -> e.hash);
        List<Object> arrays = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            Object[] array = switch (ARRAY_TYPES.get(c)) {
                case "bigint[]" -> new Long[entries.size()];
                case "uuid[]" -> new UUID[entries.size()];
                case "timestamptz[]" -> new OffsetDateTime[entries.size()];
                default -> new String[entries.size()];
            };
            for (int r = 0; r < entries.size(); r++) {
                array[r] = columns.get(c).apply(entries.get(r));
            }
            arrays.add(array);
        }
        return Tuple.from(arrays);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
