package org.kmcr.audit.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.kmcr.audit.model.AuditEntry;
import org.kmcr.auditverifier.EntryHash;

/**
 * The hash of an audit entry ({@link EntryHash}, shared with the stand-alone verifier) over the entry's fields, and
 * the text of each field as it is hashed and exported.
 */
public final class ChainHash {

    /** The predecessor hash of the first entry. */
    public static final String GENESIS = EntryHash.GENESIS;

    private ChainHash() {
    }

    public static String of(AuditEntry e) {
        return EntryHash.of(fields(e));
    }

    /** The text of every hashed field, in {@link EntryHash#FIELDS} order; null for an absent value. */
    public static List<String> fields(AuditEntry e) {
        return Arrays.stream(new Object[] {e.sequence, e.eventId, e.occurredAt, e.recordedAt, e.action, e.outcome,
                e.actorUserId, e.actorName, e.actorRole, e.actorOrg, e.actorRoleProfile, e.actorRoleCode,
                e.actorClient, e.purpose, e.accessBasis, e.breakGlassReason, e.subjectPersonId,
                e.subjectNhsNumber, e.categories, e.prevHash}).map(v -> v == null ? null : v.toString()).toList();
    }

    /** What the sender said, without what the log added (place, time recorded, link): equal for a retried event. */
    static List<String> content(AuditEntry e) {
        List<String> fields = new ArrayList<>(fields(e));
        fields.remove(EntryHash.FIELDS.indexOf("prevHash"));
        fields.remove(EntryHash.FIELDS.indexOf("recordedAt"));
        fields.remove(EntryHash.FIELDS.indexOf("sequence"));
        return fields;
    }
}
