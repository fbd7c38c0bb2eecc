package org.kmcr.audit.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.kmcr.audit.model.AuditEntry;
import org.kmcr.auditverifier.InclusionProof;
import org.kmcr.auditverifier.SignedCheckpoint;
import org.kmcr.common.problem.ProblemException;

/**
 * A citizen's own access log, optionally with what proves each entry is in the signed log: the entry's hashed
 * fields, its inclusion proof and the newest signed checkpoint (entries newer than it get their proof from the
 * next checkpoint, within {@code kmcr.audit.checkpoint.interval}).
 */
@ApplicationScoped
public class CitizenAccessLog {

    private final AuditLogService log;
    private final CheckpointService checkpoints;
    private final TreeProofs proofs;

    CitizenAccessLog(AuditLogService log, CheckpointService checkpoints, TreeProofs proofs) {
        this.log = log;
        this.checkpoints = checkpoints;
        this.proofs = proofs;
    }

    /** One access, and its proof when asked for and a checkpoint covers it. */
    public record Access(AuditEntry entry, InclusionProof proof, SignedCheckpoint checkpoint) {
    }

    public Uni<List<Access>> accessesTo(String nhsNumber, int page, int size, boolean withProofs) {
        Uni<List<AuditEntry>> entries = log.recordAccessesTo(nhsNumber, page, size);
        if (!withProofs) {
            return entries.map(found -> found.stream().map(e -> new Access(e, null, null)).toList());
        }
        return entries.chain(found -> latestCheckpoint().chain(checkpoint -> {
            if (checkpoint == null || checkpoint.rootHash() == null) {
                return Uni.createFrom().item(found.stream().map(e -> new Access(e, null, null)).toList());
            }
            Map<Long, String> covered = found.stream().filter(e -> e.sequence <= checkpoint.treeSize())
                    .collect(Collectors.toMap(e -> e.sequence, e -> e.hash));
            Uni<Map<Long, InclusionProof>> proven = covered.isEmpty() ? Uni.createFrom().item(Map.of())
                    : proofs.inclusions(covered, checkpoint.treeSize());
            return proven.map(byEntry -> found.stream().map(e -> byEntry.containsKey(e.sequence)
                    ? new Access(e, byEntry.get(e.sequence), checkpoint) : new Access(e, null, null)).toList());
        }));
    }

    private Uni<SignedCheckpoint> latestCheckpoint() {
        return checkpoints.latest().onFailure(failure -> failure instanceof ProblemException problem
                && problem.status() == 404).recoverWithNull();
    }
}
