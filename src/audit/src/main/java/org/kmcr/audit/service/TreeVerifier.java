package org.kmcr.audit.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Objects;
import org.jboss.logging.Logger;
import org.kmcr.audit.model.Checkpoint;
import org.kmcr.audit.repository.AuditEntryRepository;
import org.kmcr.audit.repository.CheckpointRepository;
import org.kmcr.audit.repository.TreeRepository;
import org.kmcr.auditverifier.CompactRange;
import org.kmcr.auditverifier.Hashes;

/**
 * The audit service checks its own Merkle tree against its newest signed checkpoint (on a schedule, TreeCheckSchedule,
 * and on demand): the checkpoint's signature; the root given by the stored subtree hashes, which every inclusion and
 * consistency proof is built from; and the root recomputed from the entries themselves, leaf by leaf. Any difference
 * means someone changed the log or its tree behind the service's back. The last result is kept for the
 * {@code integrity} health group and the gauge {@code kmcr.audit.tree.valid} (1 valid, 0 tampered, -1 not checked).
 */
@ApplicationScoped
public class TreeVerifier {

    private static final Logger LOG = Logger.getLogger(TreeVerifier.class);
    static final int PAGE = 10_000;

    private final CheckpointRepository checkpoints;
    private final AuditEntryRepository entries;
    private final CheckpointSigner signer;
    private final TreeProofs proofs;
    private final TreeRepository tree;
    private volatile TreeCheck last;

    TreeVerifier(CheckpointRepository checkpoints, AuditEntryRepository entries, CheckpointSigner signer,
            TreeProofs proofs, TreeRepository tree, MeterRegistry meters) {
        this.checkpoints = checkpoints;
        this.entries = entries;
        this.signer = signer;
        this.proofs = proofs;
        this.tree = tree;
        Gauge.builder("kmcr.audit.tree.valid", this, verifier -> verifier.last == null ? -1
                : verifier.last.valid() ? 1 : 0)
                .description("The audit Merkle tree matches the newest signed checkpoint: 1 yes, 0 no, -1 not checked")
                .register(meters);
    }

    /** The result of the newest check; null before the first one. */
    public TreeCheck last() {
        return last;
    }

    /** Checks the tree now, and keeps the result. */
    @WithSession
    public Uni<TreeCheck> check() {
        Instant now = Instant.now();
        return checkpoints.findLatest().chain(checkpoint -> {
            if (checkpoint == null || checkpoint.rootHash == null) {
                return Uni.createFrom().item(new TreeCheck(true, null, null, now, null));
            }
            String forged = signer.problemWith(checkpoint);
            if (forged != null) {
                return Uni.createFrom().item(invalid(checkpoint, now, "the newest checkpoint (size "
                        + checkpoint.sequence + ") is not validly signed: " + forged));
            }
            return proofs.rootAt(checkpoint.sequence)
                    .onFailure(IllegalStateException.class).recoverWithItem(Throwable::getMessage)
                    .chain(stored -> entries.findFirst().chain(first -> first == null || first.sequence > 1
                            // retention dropped the first entries: their leaves are kept as stored tree nodes only
                            ? Uni.createFrom().item((String) null)
                            : recomputed(CompactRange.empty(), 1, checkpoint.sequence))
                            .map(fromEntries -> judge(checkpoint, now, stored, fromEntries)));
        }).invoke(this::keep);
    }

    private TreeCheck judge(Checkpoint checkpoint, Instant now, String stored, String fromEntries) {
        if (!checkpoint.rootHash.equals(stored)) {
            return invalid(checkpoint, now, "the stored tree nodes do not give the signed root of size "
                    + checkpoint.sequence + " (" + stored + "): proofs built from them would not verify");
        }
        if (fromEntries != null && !checkpoint.rootHash.equals(fromEntries)) {
            return invalid(checkpoint, now, fromEntries.startsWith("entries")
                    ? fromEntries : "entries 1 to " + checkpoint.sequence + " no longer hash to the signed root: an "
                            + "entry was changed, inserted, removed or rewritten with recomputed hashes");
        }
        return new TreeCheck(true, checkpoint.sequence, checkpoint.signedAt, now, null);
    }

    /** The root recomputed from the entries' own hashes, a page at a time; or which entries are missing. */
    private Uni<String> recomputed(CompactRange range, long first, long size) {
        if (first > size) {
            return Uni.createFrom().item(Hashes.hex(range.root()));
        }
        long last = Math.min(size, first + PAGE - 1);
        return tree.leafHashes(first, last).chain(leaves -> {
            if (leaves.size() != last - first + 1) {
                return Uni.createFrom().item("entries are missing between " + first + " and " + last + ": "
                        + leaves.size() + " of " + (last - first + 1) + " are stored");
            }
            leaves.forEach(range::append);
            return recomputed(range, last + 1, size);
        });
    }

    private static TreeCheck invalid(Checkpoint checkpoint, Instant now, String problem) {
        return new TreeCheck(false, checkpoint.sequence, checkpoint.signedAt, now, problem);
    }

    private void keep(TreeCheck check) {
        TreeCheck before = last;
        last = check;
        if (!check.valid() && (before == null || !Objects.equals(before.problem(), check.problem()))) {
            LOG.errorf("The audit Merkle tree does not match its newest signed checkpoint: %s", check.problem());
        }
    }
}
