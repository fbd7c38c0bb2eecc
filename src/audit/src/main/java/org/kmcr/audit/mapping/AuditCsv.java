package org.kmcr.audit.mapping;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.kmcr.audit.model.AuditEntry;

/** Audit entries as CSV (RFC 4180, a header row), one row per entry, for a privacy officer's spreadsheet. */
public final class AuditCsv {

    public static final String MEDIA_TYPE = "text/csv";
    static final String[] HEADER = {"sequence", "eventId", "occurredAt", "recordedAt", "action", "outcome",
        "actorUserId", "actorName", "actorRole", "actorOrg", "actorRoleCode", "actorClient", "purpose",
        "accessBasis", "breakGlassReason", "subjectPersonId", "subjectNhsNumber", "categories", "hash"};

    private AuditCsv() {
    }

    public static String of(List<AuditEntry> entries) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
            for (AuditEntry e : entries) {
                csv.printRecord(e.sequence, e.eventId, e.occurredAt, e.recordedAt, e.action, e.outcome,
                        e.actorUserId, e.actorName, e.actorRole, e.actorOrg, e.actorRoleCode, e.actorClient,
                        e.purpose, e.accessBasis, e.breakGlassReason, e.subjectPersonId, e.subjectNhsNumber,
                        e.categories, e.hash);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
