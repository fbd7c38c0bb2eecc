package org.kmcr.audit.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kmcr.auditverifier.ConsistencyProof;
import org.kmcr.auditverifier.InclusionProof;
import org.kmcr.auditverifier.SignedCheckpoint;
import org.kmcr.audit.model.AuditEntry;
import org.kmcr.audit.model.AuditSearch;
import org.kmcr.common.audit.AuditEvent;
import org.kmcr.common.audit.GovernanceEvents;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.common.security.Caller;

/**
 * A privacy officer's reads of the audit log (searches, single entries, verification, checkpoints), each
 * itself appended to the log, with the actor from the token, and committed before the answer is returned.
 * A read of something that does not exist is recorded with outcome {@code not-found}.
 */
@ApplicationScoped
public class GovernanceReads {

    public static final String SEARCH = "audit.search";
    public static final String ENTRY_READ = "audit.entry.read";
    public static final String VERIFY = "audit.verify";
    public static final String TREE_VERIFY = "audit.tree.verify";
    public static final String CHECKPOINT = "audit.checkpoint";
    public static final String CHECKPOINT_READ = "audit.checkpoint.read";
    public static final String PROOF_READ = "audit.proof.read";
    public static final String EXPORT = "audit.export";
    static final String PERMITTED = GovernanceEvents.PERMITTED;
    static final String NOT_FOUND = GovernanceEvents.NOT_FOUND;

    private final AuditLogService log;
    private final ChainVerifier verifier;
    private final CheckpointService checkpoints;
    private final TreeProofs proofs;
    private final LogExport export;
    private final TreeVerifier treeVerifier;

    GovernanceReads(AuditLogService log, ChainVerifier verifier, CheckpointService checkpoints, TreeProofs proofs,
            LogExport export, TreeVerifier treeVerifier) {
        this.log = log;
        this.treeVerifier = treeVerifier;
        this.export = export;
        this.proofs = proofs;
        this.verifier = verifier;
        this.checkpoints = checkpoints;
    }

    /**
     * Matching entries, newest first, with the exact total; the search is recorded with the person searched for
     * (if any) as its subject.
     */
    public Uni<AuditLogService.SearchPage> search(Caller caller, AuditSearch search, int page, int size) {
        return log.search(search, page, size)
                .call(found -> record(caller, SEARCH, PERMITTED, search.nhsNumber(), search.personId()));
    }

    /** One entry by its place in the chain; the read is recorded with the entry's subject as its own. */
    public Uni<AuditEntry> entry(Caller caller, long sequence) {
        return notFoundRecorded(caller, ENTRY_READ, log.entry(sequence)
                .call(entry -> record(caller, ENTRY_READ, PERMITTED, entry.subjectNhsNumber, entry.subjectPersonId)));
    }

    /** Verifies the whole log; the verification is recorded after it ran, so it does not verify itself. */
    public Uni<ChainVerification> verify(Caller caller) {
        return verifier.verify().call(result -> record(caller, VERIFY, PERMITTED, null, null));
    }

    /** Checks the tree against the newest signed checkpoint; recorded after it ran, like {@link #verify}. */
    public Uni<TreeCheck> checkTree(Caller caller) {
        return treeVerifier.check().call(result -> record(caller, TREE_VERIFY, PERMITTED, null, null));
    }

    /** Records the request, then signs the head, so that the checkpoint covers the request itself. */
    public Uni<SignedCheckpoint> checkpoint(Caller caller) {
        return record(caller, CHECKPOINT, PERMITTED, null, null).chain(checkpoints::takeNow);
    }

    /** The newest checkpoint. */
    public Uni<SignedCheckpoint> latestCheckpoint(Caller caller) {
        return notFoundRecorded(caller, CHECKPOINT_READ, checkpoints.latest()
                .call(found -> record(caller, CHECKPOINT_READ, PERMITTED, null, null)));
    }

    /** The checkpoint of one entry. */
    public Uni<SignedCheckpoint> checkpointAt(Caller caller, long sequence) {
        return notFoundRecorded(caller, CHECKPOINT_READ, checkpoints.at(sequence)
                .call(found -> record(caller, CHECKPOINT_READ, PERMITTED, null, null)));
    }

    /** That an entry is in the tree of {@code treeSize} entries. */
    public Uni<InclusionProof> inclusionProof(Caller caller, long sequence, long treeSize) {
        return notFoundRecorded(caller, PROOF_READ, proofs.inclusion(sequence, treeSize)
                .call(found -> record(caller, PROOF_READ, PERMITTED, null, null)));
    }

    /** That the tree of {@code from} entries is a prefix of the tree of {@code to}. */
    public Uni<ConsistencyProof> consistencyProof(Caller caller, long from, long to) {
        return notFoundRecorded(caller, PROOF_READ, proofs.consistency(from, to)
                .call(found -> record(caller, PROOF_READ, PERMITTED, null, null)));
    }

    /** The whole log for the stand-alone verifier; recorded before the first line is sent. */
    public Multi<Map<String, Object>> export(Caller caller) {
        return record(caller, EXPORT, PERMITTED, null, null).onItem().transformToMulti(recorded -> export.lines());
    }

    private <T> Uni<T> notFoundRecorded(Caller caller, String action, Uni<T> read) {
        return read.onFailure(failure -> failure instanceof ProblemException problem && problem.status() == 404)
                .call(failure -> record(caller, action, NOT_FOUND, null, null));
    }

    private Uni<Void> record(Caller caller, String action, String outcome, String nhsNumber, UUID personId) {
        return log.append(event(caller, action, outcome, nhsNumber, personId)).replaceWithVoid();
    }

    static AuditEvent event(Caller caller, String action, String outcome, String nhsNumber, UUID personId) {
        return GovernanceEvents.of(caller, action, outcome, personId, nhsNumber, null);
    }
}
