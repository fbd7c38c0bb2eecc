package org.kmcr.ingest.hl7;


import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.kmcr.common.identity.SourceIdentityIds;

/** What the HL7 v2 tests share: reading what was stored, and the fields of ER7 messages. */
final class Hl7TestSupport {

    static final String ORG = "RKM";
    static final String SYSTEM = "partner-rkm-pas";

    private Hl7TestSupport() {
    }

    static UUID identityOf(String localId) {
        return SourceIdentityIds.of(ORG, SYSTEM, localId);
    }

    /** The stored items of the patient: resource type, source id, resource JSON; in source id order. */
    static List<Row> items(Pool pool, String localId, String resourceType) {
        List<Row> rows = new ArrayList<>();
        pool.preparedQuery("SELECT resource_type, source_id, resource::text, category, status, display "
                + "FROM record.care_item WHERE source_identity_id = $1 AND resource_type = $2 ORDER BY source_id")
                .execute(Tuple.of(identityOf(localId), resourceType)).await().indefinitely().forEach(rows::add);
        return rows;
    }

    /** Field n (1-based) of the first segment with that name in an ER7 message, raw. */
    static String field(String message, String segmentName, int n) {
        for (String segment : message.split("\r")) {
            if (segment.startsWith(segmentName + "|")) {
                String[] fields = segment.split("\\|", -1);
                int index = segmentName.equals("MSH") ? n - 1 : n;
                return fields.length > index ? fields[index] : "";
            }
        }
        return null;
    }

    static String component(String value, int n) {
        String[] parts = value.split("\\^", -1);
        return parts.length >= n ? parts[n - 1] : "";
    }

    static List<String> segments(String message, String segmentName) {
        List<String> found = new ArrayList<>();
        for (String segment : message.split("\r")) {
            if (segment.startsWith(segmentName + "|")) {
                found.add(segment);
            }
        }
        return found;
    }
}
