package org.kmcr.audit.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.kmcr.audit.model.AuditEntry;
import org.kmcr.audit.model.Checkpoint;
import org.kmcr.audit.repository.AuditEntryRepository;
import org.kmcr.audit.repository.CheckpointRepository;
import org.kmcr.common.client.Workers;

/** Verifies the whole audit log: the chain itself, every checkpoint, and the newest checkpoint against the head. */
@ApplicationScoped
public class ChainVerifier {

    static final int CHECKPOINT_BATCH = 500;

    private final ChainWalk walk;
    private final AuditEntryRepository entries;
    private final CheckpointRepository checkpoints;
    private final CheckpointSigner signer;
    private final CheckpointMemory memory;

    ChainVerifier(ChainWalk walk, AuditEntryRepository entries, CheckpointRepository checkpoints,
            CheckpointSigner signer, CheckpointMemory memory) {
        this.walk = walk;
        this.entries = entries;
        this.checkpoints = checkpoints;
        this.signer = signer;
        this.memory = memory;
    }

    /**
     * Recomputes the chain from its first entry and checks every checkpoint (its signature, and that the entry
     * at its sequence still has the signed hash) and the newest one against the head. Deleted newest entries,
     * entries rewritten with recomputed hashes, inserted entries, edited entries and forged checkpoints are
     * each reported with where they are.
     */
    @WithSession
    public Uni<ChainVerification> verify() {
        Checkpoint remembered = memory.newest();
        return retained().chain(start -> walk.after(start.after(), start.hash()).chain(chain -> entries.findLast()
                .chain(last -> {
                    long head = last == null ? 0 : last.sequence;
                    return tally(0, head, start.after(), new CheckpointTally()).chain(tally -> stillStored(remembered)
                            .map(stored -> VerificationReport.of(chain, head, tally, remembered, stored,
                                    start.problem())));
                })));
    }

    /**
     * Where the stored log starts: after the entries retention dropped, whose last one a signed checkpoint (the
     * month boundary) vouches for.
     *
     * @param problem why the start cannot be trusted; null when it can
     */
    private record Start(long after, String hash, ChainVerification.Finding problem) {
    }

    private Uni<Start> retained() {
        return entries.findFirst().chain(first -> {
            if (first == null || first.sequence == 1) {
                return Uni.createFrom().item(new Start(0, ChainHash.GENESIS, null));
            }
            long boundary = first.sequence - 1;
            return checkpoints.findById(boundary).map(checkpoint -> checkpoint != null
                    && signer.problemWith(checkpoint) == null
                    ? new Start(boundary, checkpoint.headHash, null)
                    : new Start(boundary, first.prevHash, new ChainVerification.Finding(
                            ChainVerification.Kind.ENTRIES_MISSING, 1L, boundary, null, "entries 1 to " + boundary
                                    + " are gone and no signed checkpoint of entry " + boundary + " vouches for them "
                                    + "(retention drops months only at a signed month boundary)")));
        });
    }

    private Uni<CheckpointTally> tally(long afterSequence, long head, long retainedAfter, CheckpointTally tally) {
        return checkpoints.after(afterSequence, CHECKPOINT_BATCH).chain(batch -> entries
                .atSequences(batch.stream().map(c -> c.sequence).filter(s -> s <= head).toList())
                .chain(found -> checkpoints.forgetLoaded()
                        .chain(() -> Workers.call(() -> add(tally, batch, hashes(found), head, retainedAfter))))
                .chain(sofar -> batch.size() < CHECKPOINT_BATCH
                        ? Uni.createFrom().item(sofar)
                        : tally(batch.get(batch.size() - 1).sequence, head, retainedAfter, sofar)));
    }

    /** Checkpoints of entries dropped by retention count as matching: the boundary checkpoint vouches for them. */
    private CheckpointTally add(CheckpointTally tally, List<Checkpoint> batch, Map<Long, String> hashes, long head,
            long retainedAfter) {
        for (Checkpoint checkpoint : batch) {
            String entryHash = checkpoint.sequence <= retainedAfter ? checkpoint.headHash
                    : hashes.get(checkpoint.sequence);
            tally.add(checkpoint, signer.problemWith(checkpoint), head, entryHash);
        }
        return tally;
    }

    private Uni<Boolean> stillStored(Checkpoint remembered) {
        if (remembered == null) {
            return Uni.createFrom().item(true);
        }
        return checkpoints.findById(remembered.sequence)
                .map(stored -> stored != null && stored.signature.equals(remembered.signature));
    }

    private static Map<Long, String> hashes(List<AuditEntry> found) {
        return found.stream().collect(Collectors.toMap(e -> e.sequence, e -> e.hash));
    }
}
