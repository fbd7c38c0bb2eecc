package org.kmcr.audit.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.kmcr.audit.model.AuditEntry;
import org.kmcr.audit.model.Checkpoint;
import org.kmcr.audit.repository.AuditEntryRepository;
import org.kmcr.audit.repository.CheckpointRepository;
import org.kmcr.common.problem.ProblemException;

/**
 * Signs the log's size, Merkle root and head, but only a head that extends the newest checkpoint: the entry that checkpoint covers
 * must still have the signed hash, and every entry after it must fit the chain. A truncated or rewritten log
 * is never signed.
 */
@ApplicationScoped
public class CheckpointWriter {

    private final CheckpointRepository checkpoints;
    private final AuditEntryRepository entries;
    private final ChainWalk walk;
    private final CheckpointSigner signer;
    private final CheckpointMemory memory;
    private final TreeProofs proofs;

    CheckpointWriter(CheckpointRepository checkpoints, AuditEntryRepository entries, ChainWalk walk,
            CheckpointSigner signer, CheckpointMemory memory, TreeProofs proofs) {
        this.proofs = proofs;
        this.checkpoints = checkpoints;
        this.entries = entries;
        this.walk = walk;
        this.signer = signer;
        this.memory = memory;
    }

    /** The newest checkpoint after signing, and whether it was signed just now. */
    public record Signing(Checkpoint checkpoint, boolean signedNow) {
    }

    /**
     * Signs the head when it moved since the newest checkpoint, and commits the checkpoint; when it has not
     * moved, answers the newest checkpoint. Null when the log is empty. A 409 problem when the chain no longer
     * extends the newest checkpoint (or that checkpoint cannot be trusted).
     */
    @WithTransaction
    public Uni<Signing> signHead() {
        return checkpoints.lockCheckpoints().chain(checkpoints::findLatest).chain(latest -> {
            refuseUntrusted(latest);
            return entries.findLast().chain(head -> {
                if (head == null && latest == null) {
                    return Uni.createFrom().nullItem();
                }
                if (latest == null) {
                    return walk.after(0, ChainHash.GENESIS).chain(result -> signed(result, null));
                }
                if (head == null || head.sequence < latest.sequence) {
                    throw refused(latest, "the newest entry is " + (head == null ? "none" : head.sequence));
                }
                return entries.findById(latest.sequence).chain(anchor -> {
                    refuseChangedAnchor(latest, anchor);
                    return walk.after(latest.sequence, anchor.hash).chain(result -> signed(result, latest));
                });
            });
        });
    }

    /**
     * Signs a checkpoint at the last entry recorded before the current month (UTC), unless one is there: the
     * boundary at which retention drops whole months, so that what remains still verifies. Only a boundary whose
     * entry still fits its hash and whose tree the newest checkpoint extends (checked with a consistency proof) is
     * signed. Null when there is nothing to sign.
     */
    @WithTransaction
    public Uni<Checkpoint> signMonthBoundary(Instant now) {
        Instant monthStart = now.atZone(ZoneOffset.UTC).withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).toInstant();
        return checkpoints.lockCheckpoints().chain(() -> entries.lastRecordedBefore(monthStart)).chain(last -> {
            if (last == null || !last.hash.equals(ChainHash.of(last))) {
                return Uni.createFrom().nullItem();
            }
            return checkpoints.findById(last.sequence).chain(existing -> existing != null
                    ? Uni.createFrom().nullItem()
                    : checkpoints.findLatest().chain(latest -> extendedBy(last.sequence, latest))
                            .chain(root -> root == null ? Uni.createFrom().nullItem()
                                    : checkpoints.persist(signer.sign(last.sequence, root, last.hash,
                                            now.truncatedTo(ChronoUnit.MICROS)))));
        });
    }

    /** The root at {@code size} when the newest checkpoint is a trusted extension of it (or there is none). */
    private Uni<String> extendedBy(long size, Checkpoint latest) {
        if (latest == null || latest.sequence <= size) {
            return proofs.rootAt(size);
        }
        if (latest.rootHash == null || signer.problemWith(latest) != null) {
            return Uni.createFrom().nullItem();
        }
        return proofs.consistency(size, latest.sequence)
                .map(proof -> proof.links(proof.fromRoot(), latest.rootHash) ? proof.fromRoot() : null);
    }

    private Uni<Signing> signed(ChainWalk.Result result, Checkpoint latest) {
        if (result.broken() != null) {
            throw refused(latest, "entry " + result.broken().firstSequence() + " does not fit the chain ("
                    + result.broken().problem() + ")");
        }
        if (latest != null && result.lastSequence() == latest.sequence) {
            return Uni.createFrom().item(new Signing(latest, false));
        }
        return proofs.rootAt(result.lastSequence()).chain(root -> checkpoints.persist(signer.sign(
                result.lastSequence(), root, result.lastHash(), Instant.now().truncatedTo(ChronoUnit.MICROS))))
                .map(stored -> new Signing(stored, true));
    }

    private void refuseUntrusted(Checkpoint latest) {
        Checkpoint remembered = memory.newest();
        if (remembered != null && (latest == null || latest.sequence < remembered.sequence)) {
            throw refused(remembered, "that checkpoint is no longer in the database");
        }
        String problem = latest == null ? null : signer.problemWith(latest);
        if (problem != null) {
            throw refused(latest, "that checkpoint row cannot be trusted: " + problem);
        }
    }

    private static void refuseChangedAnchor(Checkpoint latest, AuditEntry anchor) {
        if (anchor == null) {
            throw refused(latest, "its entry is missing");
        }
        if (!anchor.hash.equals(latest.headHash)) {
            throw refused(latest, "its entry no longer has the signed hash");
        }
        if (!anchor.hash.equals(ChainHash.of(anchor))) {
            throw refused(latest, "its entry's content does not match its hash");
        }
    }

    private static ProblemException refused(Checkpoint checkpoint, String reason) {
        String which = checkpoint == null ? "the log"
                : "the signed checkpoint of " + checkpoint.signedAt + " (entry " + checkpoint.sequence + ")";
        return new ProblemException(409, "Conflict", "The audit chain does not extend " + which + ": " + reason
                + ". No checkpoint is signed until this is resolved; GET /api/audit-verification locates it.");
    }
}
