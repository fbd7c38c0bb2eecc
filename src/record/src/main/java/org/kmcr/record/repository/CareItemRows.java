package org.kmcr.record.repository;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.kmcr.recordmodel.model.CareItem;

/** A row of {@code record.care_item} (as every read of record selects it) as a {@link CareItem}. */
final class CareItemRows {

    private CareItemRows() {
    }

    /** The item; {@code source_standing} and {@code updated_at} are read only where the statement selects them. */
    static CareItem item(Row row) {
        CareItem item = new CareItem();
        item.id = row.getUUID("id");
        item.sourceIdentityId = row.getUUID("source_identity_id");
        item.category = row.getString("category");
        item.resourceType = row.getString("resource_type");
        item.status = row.getString("status");
        item.codeSystem = row.getString("code_system");
        item.code = row.getString("code");
        item.display = row.getString("display");
        item.effectiveAt = instant(row.getOffsetDateTime("effective_at"));
        item.confidentiality = row.getString("confidentiality");
        item.securityLabels = row.getArrayOfStrings("security_labels");
        item.sourceOrg = row.getString("source_org");
        if (row.getColumnIndex("source_standing") >= 0) {
            item.sourceStanding = row.getString("source_standing");
        }
        item.sourceSystem = row.getString("source_system");
        item.sourceId = row.getString("source_id");
        item.sourceVersion = row.getString("source_version");
        item.recordedAt = instant(row.getOffsetDateTime("recorded_at"));
        item.receivedAt = instant(row.getOffsetDateTime("received_at"));
        if (row.getColumnIndex("updated_at") >= 0) {
            item.updatedAt = instant(row.getOffsetDateTime("updated_at"));
        }
        item.version = row.getInteger("version");
        item.resource = row.getString("resource");
        return item;
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
