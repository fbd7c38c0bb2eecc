package org.kmcr.audit.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * The result of recomputing the audit chain and checking it against its signed checkpoints.
 *
 * @param firstBrokenSequence     the first entry whose hash, link or position is wrong, or the first entry of
 *                                the range that no longer matches a signed checkpoint; null when valid
 * @param problem                 what is wrong there, in words
 * @param lastSuspectSequence     the last entry of that range (equal to the first when the entry is known
 *                                exactly); null when valid
 * @param checkpointsChecked      how many checkpoint rows were checked
 * @param latestCheckpointSequence the entry covered by the newest validly signed checkpoint; null when none
 * @param latestCheckpointAt      when that checkpoint was signed
 * @param findings                every problem found, the reported one first
 */
public record ChainVerification(boolean valid, long entriesChecked, Long firstBrokenSequence, String problem,
        Long lastSuspectSequence, long checkpointsChecked, Long latestCheckpointSequence,
        Instant latestCheckpointAt, List<Finding> findings) {

    /** What kind of tampering a finding shows. */
    public enum Kind {
        /** An entry's content or link does not match its hash. */
        @JsonProperty("chain-broken") CHAIN_BROKEN,
        /** Entries are missing: a gap inside the chain, or the newest entries below a signed checkpoint. */
        @JsonProperty("entries-missing") ENTRIES_MISSING,
        /** The chain is self-consistent but no longer has the hash a checkpoint signed. */
        @JsonProperty("rewritten") REWRITTEN,
        /** A checkpoint row whose signature no configured key verifies. */
        @JsonProperty("checkpoint-forged") CHECKPOINT_FORGED,
        /** A checkpoint this service signed since it started is gone from the database. */
        @JsonProperty("checkpoint-missing") CHECKPOINT_MISSING
    }

    /**
     * One problem and where it is.
     *
     * @param firstSequence      first entry concerned; null for a problem with a checkpoint row alone
     * @param lastSequence       last entry concerned
     * @param checkpointSequence the sequence of the checkpoint concerned, if any
     */
    public record Finding(Kind kind, Long firstSequence, Long lastSequence, Long checkpointSequence,
            String problem) {
    }
}
