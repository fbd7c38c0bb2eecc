package org.kmcr.audit.rest;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.kmcr.audit.model.AuditEntry;

/** An audit entry as a privacy officer sees it. */
public record AuditEntryView(long sequence, UUID eventId, Instant occurredAt, Instant recordedAt, String action,
        String outcome, String actorUserId, String actorName, String actorRole, String actorOrg,
        String actorRoleCode, String actorClient, String purpose, String accessBasis, String breakGlassReason,
        UUID subjectPersonId, String subjectNhsNumber, List<String> categories, String hash) {

    static AuditEntryView of(AuditEntry e) {
        return new AuditEntryView(e.sequence, e.eventId, e.occurredAt, e.recordedAt, e.action, e.outcome,
                e.actorUserId, e.actorName, e.actorRole, e.actorOrg, e.actorRoleCode, e.actorClient, e.purpose,
                e.accessBasis, e.breakGlassReason, e.subjectPersonId, e.subjectNhsNumber, categories(e), e.hash);
    }

    static List<String> categories(AuditEntry e) {
        return e.categories == null || e.categories.isEmpty() ? List.of() : Arrays.asList(e.categories.split(","));
    }
}
