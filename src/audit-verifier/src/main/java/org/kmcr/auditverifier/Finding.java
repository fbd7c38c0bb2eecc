package org.kmcr.auditverifier;

/**
 * One problem the verifier found and where: the entries concerned ({@code firstSequence} to
 * {@code lastSequence}; null for a problem of a checkpoint alone), in words.
 */
public record Finding(Kind kind, Long firstSequence, Long lastSequence, String problem) {

    /** What kind of tampering a finding shows. */
    public enum Kind {
        /** An entry's fields no longer give its hash: it was changed after it was written. */
        ENTRY_CHANGED,
        /** An entry sits at another entry's place: rows were reordered. */
        ENTRY_MOVED,
        /** Sequences are missing inside the export: rows were deleted. */
        ENTRIES_MISSING,
        /** A sequence appears twice, or an entry does not link to its predecessor: a row was inserted. */
        ENTRY_INSERTED,
        /** A signed checkpoint covers more entries than the log has: its tail was cut off. */
        TAIL_TRUNCATED,
        /** The log no longer has the root a signed checkpoint signed: entries were rewritten with new hashes. */
        REWRITTEN,
        /** A checkpoint whose signature the trusted keys do not verify. */
        CHECKPOINT_FORGED,
        /** The tree of the entries before the export does not match the signed boundary checkpoint. */
        PREFIX_MISMATCH
    }

    @Override
    public String toString() {
        String where = firstSequence == null ? ""
                : firstSequence.equals(lastSequence) ? " at entry " + firstSequence
                : " at entries " + firstSequence + " to " + lastSequence;
        return kind.name().toLowerCase().replace('_', '-') + where + ": " + problem;
    }
}
