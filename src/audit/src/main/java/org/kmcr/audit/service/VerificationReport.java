package org.kmcr.audit.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.kmcr.audit.model.Checkpoint;
import org.kmcr.audit.service.ChainVerification.Finding;
import org.kmcr.audit.service.ChainVerification.Kind;

/**
 * Turns what the chain walk and the checkpoints showed into a verification result, with every finding located
 * and the earliest one reported. A pure function of its inputs.
 */
final class VerificationReport {

    private VerificationReport() {
    }

    /**
     * @param chain            the walk of the whole chain from its first entry
     * @param head             the sequence of the newest entry (0 when the log is empty)
     * @param checkpoints      the checkpoint rows, read in order
     * @param remembered       the newest checkpoint this process signed; null when none
     * @param rememberedStored whether that checkpoint is still in the database
     * @param retention        why the start of the stored log (after retention) is not vouched for; null when it is
     */
    static ChainVerification of(ChainWalk.Result chain, long head, CheckpointTally checkpoints,
            Checkpoint remembered, boolean rememberedStored, Finding retention) {
        List<Finding> entryFindings = new ArrayList<>();
        if (retention != null) {
            entryFindings.add(retention);
        }
        ChainWalk.Break broken = chain.broken();
        if (broken != null) {
            entryFindings.add(new Finding(broken.kind(), broken.firstSequence(), broken.lastSequence(), null,
                    broken.problem()));
        }
        Checkpoint latest = newer(checkpoints.latestTrusted(), remembered);
        if (latest != null && latest.sequence > head) {
            entryFindings.add(truncated(head, latest));
        }
        Finding rewritten = rewritten(checkpoints);
        if (rewritten != null && (broken == null || broken.firstSequence() > rewritten.lastSequence())) {
            entryFindings.add(rewritten);
        }
        entryFindings.sort(Comparator.comparing(Finding::firstSequence));
        if (rewritten != null && !entryFindings.contains(rewritten)) {
            entryFindings.add(rewritten);
        }

        List<Finding> findings = new ArrayList<>(entryFindings);
        for (CheckpointTally.Forgery forgery : checkpoints.forgeries()) {
            findings.add(new Finding(Kind.CHECKPOINT_FORGED, null, null, forgery.checkpoint().sequence,
                    "the checkpoint row for entry " + forgery.checkpoint().sequence + " dated "
                            + forgery.checkpoint().signedAt + " was not signed by the audit service: "
                            + forgery.problem()));
        }
        if (remembered != null && !rememberedStored) {
            findings.add(new Finding(Kind.CHECKPOINT_MISSING, null, null, remembered.sequence,
                    "the signed checkpoint of " + remembered.signedAt + " covering entry " + remembered.sequence
                            + ", written by this service, is no longer in the database"));
        }

        Finding reported = findings.isEmpty() ? null : findings.get(0);
        return new ChainVerification(findings.isEmpty(), chain.checked(),
                reported == null ? null : reported.firstSequence(), reported == null ? null : reported.problem(),
                reported == null ? null : reported.lastSequence(), checkpoints.checked(),
                latest == null ? null : latest.sequence, latest == null ? null : latest.signedAt,
                List.copyOf(findings));
    }

    private static Finding truncated(long head, Checkpoint latest) {
        String missing = head + 1 == latest.sequence
                ? "entry " + latest.sequence + " is missing"
                : "entries " + (head + 1) + " to " + latest.sequence + " are missing";
        return new Finding(Kind.ENTRIES_MISSING, head + 1, latest.sequence, latest.sequence,
                missing + "; the signed checkpoint of " + latest.signedAt + " covers " + latest.sequence);
    }

    /** The range between the last checkpoint the chain still matches and the first it does not. */
    private static Finding rewritten(CheckpointTally checkpoints) {
        Checkpoint mismatch = checkpoints.firstMismatch();
        if (mismatch == null) {
            return null;
        }
        Checkpoint good = checkpoints.lastMatching();
        long first = good == null ? 1 : good.sequence + 1;
        String since = good == null
                ? "no earlier checkpoint"
                : "the checkpoint of " + good.signedAt + " at entry " + good.sequence + " still matches";
        String problem = checkpoints.firstMismatchMissing()
                ? "entry " + mismatch.sequence + ", covered by the signed checkpoint of " + mismatch.signedAt
                        + ", is missing (" + since + ")"
                : "entries " + first + " to " + mismatch.sequence + " were rewritten: entry " + mismatch.sequence
                        + " no longer has the hash signed in the checkpoint of " + mismatch.signedAt
                        + ", so an entry in this range was changed, inserted or removed and the later hashes "
                        + "recomputed (" + since + ")";
        return new Finding(Kind.REWRITTEN, first, mismatch.sequence, mismatch.sequence, problem);
    }

    private static Checkpoint newer(Checkpoint a, Checkpoint b) {
        if (a == null) {
            return b;
        }
        return b == null || a.sequence >= b.sequence ? a : b;
    }
}
