package org.kmcr.audit.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.kmcr.auditverifier.SignedCheckpoint;
import org.kmcr.audit.model.Checkpoint;
import org.kmcr.audit.repository.CheckpointRepository;
import org.kmcr.common.problem.ProblemException;

/**
 * Signed checkpoints of the audit chain's head. Every checkpoint signed is also written to the service log as
 * one line (sequence, head hash, time, key id, signature; no personal data), so that a copy exists outside
 * the database.
 */
@ApplicationScoped
public class CheckpointService {

    private static final Logger LOG = Logger.getLogger(CheckpointService.class);

    private final CheckpointWriter writer;
    private final CheckpointRepository checkpoints;
    private final CheckpointSigner signer;
    private final CheckpointMemory memory;
    private final AuditClock clock;

    CheckpointService(CheckpointWriter writer, CheckpointRepository checkpoints, CheckpointSigner signer,
            CheckpointMemory memory, AuditClock clock) {
        this.clock = clock;
        this.writer = writer;
        this.checkpoints = checkpoints;
        this.signer = signer;
        this.memory = memory;
    }

    /**
     * Signs the chain's head now and returns the checkpoint once committed (the newest checkpoint when the head
     * has not moved). A 409 problem when the log is empty or no longer extends the newest checkpoint.
     */
    public Uni<SignedCheckpoint> takeNow() {
        return signBoundary().chain(writer::signHead).map(signing -> {
            if (signing == null) {
                throw new ProblemException(409, "Conflict", "The audit log is empty: there is no head to sign");
            }
            return published(signing);
        });
    }

    /** Signs the head only if it moved since the newest checkpoint; null otherwise. */
    public Uni<SignedCheckpoint> takeIfHeadMoved() {
        return signBoundary().chain(writer::signHead)
                .map(signing -> signing == null || !signing.signedNow() ? null : published(signing));
    }

    /** The checkpoint of the highest sequence; 404 when none has been signed. */
    @WithSession
    public Uni<SignedCheckpoint> latest() {
        return checkpoints.findLatest().map(checkpoint -> {
            if (checkpoint == null) {
                throw ProblemException.notFound("No audit checkpoint has been signed yet");
            }
            return view(checkpoint);
        });
    }

    /** The checkpoint of one entry; 404 when there is none. */
    @WithSession
    public Uni<SignedCheckpoint> at(long sequence) {
        return checkpoints.findById(sequence).map(checkpoint -> {
            if (checkpoint == null) {
                throw ProblemException.notFound("There is no audit checkpoint of entry " + sequence);
            }
            return view(checkpoint);
        });
    }

    /** The month boundary's checkpoint, when it is due (see {@link CheckpointWriter#signMonthBoundary}). */
    private Uni<Void> signBoundary() {
        return writer.signMonthBoundary(clock.now()).invoke(signed -> {
            if (signed != null) {
                log("Audit month-boundary checkpoint signed", signed);
            }
        }).replaceWithVoid();
    }

    private static void log(String what, Checkpoint checkpoint) {
        LOG.infof("%s: sequence=%d rootHash=%s headHash=%s signedAt=%s keyId=%s signature=%s", what,
                checkpoint.sequence, checkpoint.rootHash, checkpoint.headHash, checkpoint.signedAt, checkpoint.keyId,
                checkpoint.signature);
    }

    private SignedCheckpoint published(CheckpointWriter.Signing signing) {
        Checkpoint checkpoint = signing.checkpoint();
        if (signing.signedNow()) {
            memory.remember(checkpoint);
            log("Audit checkpoint signed", checkpoint);
        }
        return view(checkpoint);
    }

    SignedCheckpoint view(Checkpoint c) {
        return new SignedCheckpoint(c.sequence, c.sequence, c.rootHash, c.headHash, c.signedAt,
                CheckpointSigner.ALGORITHM, c.keyId, signer.keyId().equals(c.keyId) ? signer.publicKey() : null,
                c.signature, CheckpointSigner.signedText(c), signer.problemWith(c) == null);
    }
}
