package org.kmcr.audit.repository;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.kmcr.audit.model.AuditEntry;

/** Audit entries as rows of the SQL client: the column list, a row read into an entry, an entry as parameters. */
final class EntryRows {

    static final String COLUMNS = "sequence, event_id, occurred_at, recorded_at, action, outcome, actor_user_id, "
            + "actor_name, actor_role, actor_org, actor_role_profile, actor_role_code, actor_client, purpose, "
            + "access_basis, break_glass_reason, subject_person_id, subject_nhs_number, categories, prev_hash, hash";
    static final String PARAMETERS = String.join(", ",
            java.util.stream.IntStream.rangeClosed(1, 21).mapToObj(i -> "$" + i).toList());

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

    static Tuple parameters(AuditEntry e) {
        List<Object> values = Arrays.asList(e.sequence, e.eventId, utc(e.occurredAt), utc(e.recordedAt), e.action,
                e.outcome, e.actorUserId, e.actorName, e.actorRole, e.actorOrg, e.actorRoleProfile, e.actorRoleCode,
                e.actorClient, e.purpose, e.accessBasis, e.breakGlassReason, e.subjectPersonId, e.subjectNhsNumber,
                e.categories, e.prevHash, e.hash);
        return Tuple.from(values);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
