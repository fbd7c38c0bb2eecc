package org.kmcr.audit.service;

import java.util.ArrayList;
import java.util.List;
import org.kmcr.audit.model.Checkpoint;

/**
 * What the checkpoint rows, read in sequence order, say about the chain: the last checkpoint that the chain
 * still matches, the first that it does not, the newest trustworthy one, and the rows nobody can trust.
 */
final class CheckpointTally {

    static final int FORGERIES_SHOWN = 10;

    /** A checkpoint row whose signature cannot be trusted, and why. */
    record Forgery(Checkpoint checkpoint, String problem) {
    }

    private long checked;
    private Checkpoint lastMatching;
    private Checkpoint firstMismatch;
    private boolean firstMismatchMissing;
    private Checkpoint latestTrusted;
    private final List<Forgery> forgeries = new ArrayList<>();

    /**
     * Adds the next checkpoint.
     *
     * @param signatureProblem why its signature is not trusted; null when it verifies
     * @param head             the newest entry's sequence
     * @param entryHash        the hash of the entry at the checkpoint's sequence; null when there is none
     */
    void add(Checkpoint checkpoint, String signatureProblem, long head, String entryHash) {
        checked++;
        if (signatureProblem != null) {
            if (forgeries.size() < FORGERIES_SHOWN) {
                forgeries.add(new Forgery(checkpoint, signatureProblem));
            }
            return;
        }
        latestTrusted = checkpoint;
        if (checkpoint.sequence > head || firstMismatch != null) {
            return;
        }
        if (checkpoint.headHash.equals(entryHash)) {
            lastMatching = checkpoint;
        } else {
            firstMismatch = checkpoint;
            firstMismatchMissing = entryHash == null;
        }
    }

    long checked() {
        return checked;
    }

    /** The last checkpoint, before the first mismatch, whose entry still has the signed hash. */
    Checkpoint lastMatching() {
        return lastMatching;
    }

    /** The first checkpoint at or below the head whose entry is missing or has another hash. */
    Checkpoint firstMismatch() {
        return firstMismatch;
    }

    boolean firstMismatchMissing() {
        return firstMismatchMissing;
    }

    Checkpoint latestTrusted() {
        return latestTrusted;
    }

    List<Forgery> forgeries() {
        return forgeries;
    }
}
