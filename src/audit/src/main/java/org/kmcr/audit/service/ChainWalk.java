package org.kmcr.audit.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.kmcr.audit.model.AuditEntry;
import org.kmcr.audit.repository.AuditEntryRepository;
import org.kmcr.common.client.Workers;

/**
 * Recomputes the chain from a known entry to the end, in batches, and stops at the first entry that does not
 * fit: a gap in the sequence, a link that is not its predecessor's hash, or content that does not match its
 * hash. Runs inside the caller's session; hashing runs on a worker thread.
 */
@ApplicationScoped
public class ChainWalk {

    static final int BATCH = 1_000;

    private final AuditEntryRepository entries;

    ChainWalk(AuditEntryRepository entries) {
        this.entries = entries;
    }

    /** How far the chain held. {@code broken} is null when every entry up to {@code lastSequence} fits. */
    public record Result(long checked, long lastSequence, String lastHash, Break broken) {
    }

    /** An entry, or a run of missing entries, that does not fit the chain. */
    public record Break(ChainVerification.Kind kind, long firstSequence, long lastSequence, String problem) {
    }

    /** Walks every entry after {@code afterSequence}, whose hash must be {@code afterHash}. */
    public Uni<Result> after(long afterSequence, String afterHash) {
        return walk(new Result(0, afterSequence, afterHash, null));
    }

    private Uni<Result> walk(Result sofar) {
        return entries.chainAfter(sofar.lastSequence(), BATCH)
                .chain(batch -> entries.forgetLoaded().chain(() -> Workers.call(() -> scan(sofar, batch))))
                .chain(next -> next.broken() != null || next.checked() - sofar.checked() < BATCH
                        ? Uni.createFrom().item(next)
                        : walk(next));
    }

    static Result scan(Result sofar, List<AuditEntry> batch) {
        long checked = sofar.checked();
        long sequence = sofar.lastSequence();
        String hash = sofar.lastHash();
        for (AuditEntry entry : batch) {
            checked++;
            Break broken = breakAt(entry, sequence + 1, hash);
            if (broken != null) {
                return new Result(checked, sequence, hash, broken);
            }
            sequence = entry.sequence;
            hash = entry.hash;
        }
        return new Result(checked, sequence, hash, null);
    }

    static Break breakAt(AuditEntry entry, long expectedSequence, String expectedPrevHash) {
        if (entry.sequence != expectedSequence) {
            return new Break(ChainVerification.Kind.ENTRIES_MISSING, expectedSequence, entry.sequence - 1,
                    "entries " + expectedSequence + " to " + (entry.sequence - 1) + " are missing");
        }
        if (!entry.prevHash.equals(expectedPrevHash)) {
            return new Break(ChainVerification.Kind.CHAIN_BROKEN, entry.sequence, entry.sequence,
                    "the link to the previous entry does not match its hash");
        }
        if (!entry.hash.equals(ChainHash.of(entry))) {
            return new Break(ChainVerification.Kind.CHAIN_BROKEN, entry.sequence, entry.sequence,
                    "the entry's content does not match its hash: it was changed after it was written");
        }
        return null;
    }
}
