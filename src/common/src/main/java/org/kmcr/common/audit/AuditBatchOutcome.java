package org.kmcr.common.audit;

import java.util.UUID;

/**
 * What the audit service did with one event of a batch ({@code POST /api/audit-events/batch}): its receipt when it is
 * committed (now, or earlier with the same content), or the HTTP status and reason it was refused (409: the id is in
 * the log with other content). A batch is answered event by event, in the order sent.
 */
public record AuditBatchOutcome(UUID id, AuditReceipt receipt, Integer status, String detail) {

    public static AuditBatchOutcome committed(AuditReceipt receipt) {
        return new AuditBatchOutcome(receipt.id(), receipt, null, null);
    }

    public static AuditBatchOutcome refused(UUID id, int status, String detail) {
        return new AuditBatchOutcome(id, null, status, detail);
    }

    public boolean isCommitted() {
        return receipt != null;
    }
}
