package org.kmcr.auditverifier;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks a whole export without trusting the service: every entry's hash from its fields, the sequence and the
 * links, the Merkle tree rebuilt from the entries, and every checkpoint (from the export and any kept elsewhere)
 * whose signature a trusted key verifies against the rebuilt tree. Each problem is located. A pure function.
 */
public final class ExportVerifier {

    /** How far around an entry the verifier looks for the place it was written at, when its hash is wrong. */
    static final int MOVE_SEARCH = 64;

    private ExportVerifier() {
    }

    /** The outcome: valid when nothing was found. */
    public record Report(long entriesChecked, long checkpointsChecked, long treeSize, String rootHash,
            List<Finding> findings) {

        public boolean valid() {
            return findings.isEmpty();
        }
    }

    /**
     * @param export       the export
     * @param kept         checkpoints kept outside the service (e.g. fetched earlier); checked like the export's
     * @param trustedKeys  the audit service's public keys, obtained out of band
     */
    public static Report verify(AuditExport export, Collection<SignedCheckpoint> kept, Collection<PublicKey> trustedKeys) {
        List<Finding> findings = new ArrayList<>();
        List<SignedCheckpoint> checkpoints = new ArrayList<>(export.checkpoints());
        checkpoints.addAll(kept);
        List<SignedCheckpoint> trusted = new ArrayList<>();
        for (SignedCheckpoint checkpoint : checkpoints) {
            if (trustedKeys.stream().anyMatch(key -> CheckpointText.verifies(key, checkpoint.text(),
                    checkpoint.signature()))) {
                trusted.add(checkpoint);
            } else {
                findings.add(new Finding(Finding.Kind.CHECKPOINT_FORGED, null, null, "the checkpoint of "
                        + checkpoint.treeSize() + " entries signed at " + checkpoint.signedAt()
                        + " does not verify with any trusted key"));
            }
        }
        Map<Long, List<SignedCheckpoint>> bySize = new TreeMap<>();
        trusted.forEach(c -> bySize.computeIfAbsent(c.treeSize(), size -> new ArrayList<>()).add(c));

        long before = export.firstSequence() - 1;
        CompactRange tree = CompactRange.of(before, export.prefix().stream().map(Hashes::unhex).toList());
        Map<Long, String> roots = new HashMap<>();
        Map<Long, String> heads = new HashMap<>();
        checkPrefix(before, tree, bySize.getOrDefault(before, List.of()), findings);
        if (before > 0) {
            roots.put(before, Hashes.hex(tree.root()));
        }

        List<ExportedEntry> entries = export.entries();
        Set<Long> seen = new HashSet<>();
        long expected = export.firstSequence();
        String prevHash = before > 0 && bySize.containsKey(before) ? bySize.get(before).get(0).headHash() : null;
        boolean previousMoved = false;
        for (ExportedEntry entry : entries) {
            long sequence = entry.sequence();
            boolean duplicate = !seen.add(sequence);
            if (duplicate) {
                findings.add(new Finding(Finding.Kind.ENTRY_INSERTED, sequence, sequence, "a second entry with "
                        + "sequence " + sequence + " follows entry " + (expected - 1) + ": a row was inserted"));
            } else if (sequence > expected) {
                findings.add(new Finding(Finding.Kind.ENTRIES_MISSING, expected, sequence - 1, "the entries "
                        + "between " + (expected - 1) + " and " + sequence + " are missing: rows were deleted"));
            } else if (sequence < expected) {
                findings.add(new Finding(Finding.Kind.ENTRY_MOVED, sequence, sequence, "entry " + sequence
                        + " comes after entry " + (expected - 1) + ": rows were reordered"));
            }
            boolean moved = checkEntry(entry, findings) == Finding.Kind.ENTRY_MOVED;
            if (!duplicate && !moved && !previousMoved && sequence == expected && prevHash != null
                    && !prevHash.equals(entry.prevHash())) {
                findings.add(new Finding(Finding.Kind.ENTRY_INSERTED, sequence, sequence, "entry " + sequence
                        + " does not link to the entry before it: an entry was inserted, removed or moved here"));
            }
            previousMoved = moved;
            tree.append(Hashes.leafOfEntry(entry.hash()));
            if (bySize.containsKey(tree.size())) {
                roots.put(tree.size(), Hashes.hex(tree.root()));
                heads.put(tree.size(), entry.hash());
            }
            if (!duplicate) {
                prevHash = entry.hash();
            }
            expected = Math.max(expected, sequence + 1);
        }
        checkCheckpoints(bySize, roots, heads, tree.size(), before, findings);
        return new Report(entries.size(), checkpoints.size(), tree.size(), Hashes.hex(tree.root()),
                List.copyOf(findings));
    }

    private static void checkPrefix(long before, CompactRange tree, List<SignedCheckpoint> boundary,
            List<Finding> findings) {
        if (before == 0) {
            return;
        }
        if (boundary.isEmpty()) {
            findings.add(new Finding(Finding.Kind.PREFIX_MISMATCH, 1L, before, "no trusted checkpoint of "
                    + before + " entries vouches for the entries before the export"));
        } else if (!boundary.get(0).rootHash().equals(Hashes.hex(tree.root()))) {
            findings.add(new Finding(Finding.Kind.PREFIX_MISMATCH, 1L, before, "the tree of the entries before "
                    + "the export does not have the root signed at " + boundary.get(0).signedAt()));
        }
    }

    /** Adds what is wrong with the entry's hash, and answers its kind; null when the hash is right. */
    private static Finding.Kind checkEntry(ExportedEntry entry, List<Finding> findings) {
        long sequence = entry.sequence();
        if (entry.recomputedHash().equals(entry.hash())) {
            return null;
        }
        for (long other = Math.max(1, sequence - MOVE_SEARCH); other <= sequence + MOVE_SEARCH; other++) {
            if (other != sequence && entry.hashAt(other).equals(entry.hash())) {
                findings.add(new Finding(Finding.Kind.ENTRY_MOVED, sequence, sequence, "the entry at " + sequence
                        + " was written as entry " + other + ": rows were reordered"));
                return Finding.Kind.ENTRY_MOVED;
            }
        }
        findings.add(new Finding(Finding.Kind.ENTRY_CHANGED, sequence, sequence, "entry " + sequence
                + "'s fields do not give its hash: it was changed after it was written"));
        return Finding.Kind.ENTRY_CHANGED;
    }

    private static void checkCheckpoints(Map<Long, List<SignedCheckpoint>> bySize, Map<Long, String> roots,
            Map<Long, String> heads, long size, long before, List<Finding> findings) {
        SignedCheckpoint lastMatching = null;
        for (Map.Entry<Long, List<SignedCheckpoint>> atSize : bySize.entrySet()) {
            long checkpointSize = atSize.getKey();
            if (checkpointSize <= before) {
                continue;
            }
            for (SignedCheckpoint checkpoint : atSize.getValue()) {
                if (checkpointSize > size) {
                    findings.add(new Finding(Finding.Kind.TAIL_TRUNCATED, size + 1, checkpointSize, "the checkpoint "
                            + "signed at " + checkpoint.signedAt() + " covers " + checkpointSize + " entries, but "
                            + "the log has " + size + ": its tail was cut off"));
                    return;
                }
                boolean rootMatches = checkpoint.rootHash() == null
                        || checkpoint.rootHash().equals(roots.get(checkpointSize));
                boolean headMatches = checkpointSize == before || checkpoint.headHash().equals(heads.get(checkpointSize));
                if (rootMatches && headMatches) {
                    lastMatching = checkpoint;
                    continue;
                }
                long first = lastMatching == null ? Math.max(1, before + 1) : lastMatching.treeSize() + 1;
                findings.add(new Finding(Finding.Kind.REWRITTEN, first, checkpointSize, "the log of "
                        + checkpointSize + " entries no longer has the root signed at " + checkpoint.signedAt()
                        + (lastMatching == null ? "" : "; the checkpoint of " + lastMatching.treeSize()
                        + " entries signed at " + lastMatching.signedAt() + " still matches")
                        + ": an entry in this range was changed, inserted or removed and the hashes recomputed"));
                return;
            }
        }
    }
}
