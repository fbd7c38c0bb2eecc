package org.kmcr.audit.service;

import org.kmcr.audit.model.AuditEntry;
import org.kmcr.common.hash.Sha256;

/**
 * The hash of an audit entry: SHA-256 over every recorded field and its predecessor's hash, in a fixed,
 * length-prefixed encoding so that no two different entries encode alike.
 */
public final class ChainHash {

    /** The predecessor hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private ChainHash() {
    }

    public static String of(AuditEntry e) {
        StringBuilder canonical = new StringBuilder();
        for (Object field : new Object[] {e.sequence, e.eventId, e.occurredAt, e.recordedAt, e.action, e.outcome,
                e.actorUserId, e.actorName, e.actorRole, e.actorOrg, e.actorRoleProfile, e.actorRoleCode,
                e.actorClient, e.purpose, e.accessBasis, e.breakGlassReason, e.subjectPersonId,
                e.subjectNhsNumber, e.categories, e.prevHash}) {
            String text = field == null ? "\u0000" : field.toString();
            canonical.append(text.length()).append(':').append(text).append('|');
        }
        return Sha256.hex(canonical.toString());
    }
}
