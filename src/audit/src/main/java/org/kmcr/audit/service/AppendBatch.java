package org.kmcr.audit.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kmcr.audit.model.AuditEntry;
import org.kmcr.auditverifier.CompactRange;
import org.kmcr.auditverifier.Hashes;
import org.kmcr.auditverifier.HashedNode;
import org.kmcr.common.audit.AuditEvent;
import org.kmcr.common.audit.AuditReceipt;
import org.kmcr.common.problem.ProblemException;

/**
 * One group commit worked out before it is written: the events of the batch in order, each either a new entry at
 * the end of the log (chained, and appended to the tree) or, for an event id already in the log, the original
 * receipt when the content is the same and a 409 refusal when it is not. A pure function of its inputs.
 *
 * @param entries  the new entries, in sequence order
 * @param nodes    the tree nodes above leaf level that the new entries complete
 * @param outcomes one per event, in the order given
 * @param tree     the tree after the new entries
 */
record AppendBatch(List<AuditEntry> entries, List<HashedNode> nodes, List<Outcome> outcomes, CompactRange tree) {

    /** A receipt, or the reason the event was refused. */
    record Outcome(AuditReceipt receipt, ProblemException refusal) {
    }

    /**
     * @param head     the newest entry (sequence and hash); null when the log is empty
     * @param tree     the tree of the log as it is (of {@code head.sequence} leaves); not changed
     * @param existing the entries already in the log with any of the events' ids
     */
    static AppendBatch of(List<AuditEvent> events, AuditEntry head, CompactRange tree, Map<UUID, AuditEntry> existing,
            Instant now) {
        long sequence = head == null ? 0 : head.sequence;
        String prevHash = head == null ? ChainHash.GENESIS : head.hash;
        if (tree.size() != sequence) {
            throw new IllegalStateException("The tree has " + tree.size() + " leaves but the log " + sequence
                    + " entries");
        }
        CompactRange grown = tree.copy();
        Map<UUID, AuditEntry> known = new HashMap<>(existing);
        List<AuditEntry> entries = new ArrayList<>();
        List<HashedNode> nodes = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        Instant recordedAt = now.truncatedTo(ChronoUnit.MICROS);
        for (AuditEvent event : events) {
            AuditEntry entry = entryOf(event, sequence + 1, prevHash, recordedAt);
            AuditEntry earlier = known.get(event.id());
            if (earlier != null) {
                outcomes.add(ChainHash.content(earlier).equals(ChainHash.content(entry))
                        ? new Outcome(receipt(earlier), null)
                        : new Outcome(null, new ProblemException(409, "Conflict", "Audit event " + event.id()
                                + " is already in the log with different content: an event id names one event")));
                continue;
            }
            entry.hash = ChainHash.of(entry);
            nodes.addAll(grown.append(Hashes.leafOfEntry(entry.hash)));
            entries.add(entry);
            known.put(event.id(), entry);
            outcomes.add(new Outcome(receipt(entry), null));
            sequence = entry.sequence;
            prevHash = entry.hash;
        }
        return new AppendBatch(entries, nodes, outcomes, grown);
    }

    static AuditReceipt receipt(AuditEntry entry) {
        return new AuditReceipt(entry.eventId, entry.sequence, entry.hash);
    }

    /** The entry an event becomes at the given place; its hash is not set. */
    static AuditEntry entryOf(AuditEvent event, long sequence, String prevHash, Instant recordedAt) {
        AuditEntry entry = new AuditEntry();
        entry.sequence = sequence;
        entry.prevHash = prevHash;
        entry.eventId = event.id();
        // PostgreSQL keeps microseconds; hash what will be stored
        entry.occurredAt = event.occurredAt().truncatedTo(ChronoUnit.MICROS);
        entry.recordedAt = recordedAt;
        entry.action = event.action();
        entry.outcome = event.outcome();
        entry.actorUserId = event.actor().userId();
        entry.actorName = event.actor().displayName();
        entry.actorRole = event.actor().role();
        entry.actorOrg = event.actor().orgCode();
        entry.actorRoleProfile = event.actor().roleProfileId();
        entry.actorRoleCode = event.actor().roleCode();
        entry.actorClient = event.actor().clientId();
        entry.purpose = event.purpose();
        entry.accessBasis = event.accessBasis();
        entry.breakGlassReason = event.breakGlassReason();
        entry.subjectPersonId = event.subjectPersonId();
        entry.subjectNhsNumber = event.subjectNhsNumber();
        entry.categories = event.categories() == null ? null : String.join(",", event.categories());
        return entry;
    }
}
