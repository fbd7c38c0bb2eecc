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
        return walk.after(0, ChainHash.GENESIS).chain(chain -> entries.findLast().chain(last -> {
            long head = last == null ? 0 : last.sequence;
            return tally(0, head, new CheckpointTally()).chain(tally -> stillStored(remembered)
                    .map(stored -> VerificationReport.of(chain, head, tally, remembered, stored)));
        }));
    }

    private Uni<CheckpointTally> tally(long afterSequence, long head, CheckpointTally tally) {
        return checkpoints.after(afterSequence, CHECKPOINT_BATCH).chain(batch -> entries
                .atSequences(batch.stream().map(c -> c.sequence).filter(s -> s <= head).toList())
                .chain(found -> checkpoints.forgetLoaded()
                        .chain(() -> Workers.call(() -> add(tally, batch, hashes(found), head))))
                .chain(sofar -> batch.size() < CHECKPOINT_BATCH
                        ? Uni.createFrom().item(sofar)
                        : tally(batch.get(batch.size() - 1).sequence, head, sofar)));
    }

    private CheckpointTally add(CheckpointTally tally, List<Checkpoint> batch, Map<Long, String> hashes, long head) {
        for (Checkpoint checkpoint : batch) {
            tally.add(checkpoint, signer.problemWith(checkpoint), head, hashes.get(checkpoint.sequence));
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
