package org.kmcr.auditverifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The tree, its compact range and its proofs against RFC 9162's definitions written out naively (MTH, PATH and
 * PROOF over the list of leaves), for every tree of up to 70 leaves; and forged proofs refused.
 */
class MerkleProofsTest {

    static final int MAX = 70;

    static List<byte[]> leaves(int n) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            leaves.add(Hashes.leaf(("leaf " + i).getBytes(StandardCharsets.UTF_8)));
        }
        return leaves;
    }

    /** RFC 9162 MTH over leaf hashes. */
    static byte[] mth(List<byte[]> d) {
        if (d.size() == 1) {
            return d.get(0);
        }
        int k = Integer.highestOneBit(d.size() - 1);
        return Hashes.node(mth(d.subList(0, k)), mth(d.subList(k, d.size())));
    }

    /** Every perfect subtree's hash, as the audit service stores them, from a compact range fed every leaf. */
    static Map<Node, byte[]> stored(List<byte[]> leaves) {
        Map<Node, byte[]> nodes = new HashMap<>();
        CompactRange range = CompactRange.empty();
        for (int i = 0; i < leaves.size(); i++) {
            nodes.put(new Node(0, i), leaves.get(i));
            range.append(leaves.get(i)).forEach(n -> nodes.put(n.node(), n.hash()));
        }
        return nodes;
    }

    static List<byte[]> hashes(List<Range> ranges, Map<Node, byte[]> stored) {
        return ranges.stream().map(r -> MerkleProofs.hash(r, stored::get)).toList();
    }

    @Test
    void theCompactRangeRootIsRfc9162sTreeHashAtEverySize() {
        List<byte[]> leaves = leaves(MAX);
        CompactRange range = CompactRange.empty();
        for (int n = 1; n <= MAX; n++) {
            range.append(leaves.get(n - 1));
            assertArrayEquals(mth(leaves.subList(0, n)), range.root(), "size " + n);
            List<byte[]> frontier = range.frontier().stream().map(HashedNode::hash).toList();
            assertArrayEquals(range.root(), CompactRange.of(n, frontier).root(), "restored at size " + n);
        }
    }

    @Test
    void everyInclusionProofVerifiesAndAForgedOneFails() {
        List<byte[]> leaves = leaves(MAX);
        Map<Node, byte[]> stored = stored(leaves);
        for (int n = 1; n <= MAX; n++) {
            byte[] root = mth(leaves.subList(0, n));
            for (int m = 0; m < n; m++) {
                List<byte[]> path = hashes(MerkleProofs.inclusionRanges(m, n), stored);
                assertTrue(MerkleProofs.verifyInclusion(m, n, leaves.get(m), path, root), m + " in " + n);
                if (n > 1) {
                    assertFalse(MerkleProofs.verifyInclusion(m, n, leaves.get((m + 1) % n), path, root),
                            "another leaf at " + m + " in " + n);
                    assertFalse(MerkleProofs.verifyInclusion(m, n, leaves.get(m), flipped(path), root),
                            "forged path for " + m + " in " + n);
                    assertFalse(MerkleProofs.verifyInclusion((m + 1) % n, n, leaves.get(m), path, root),
                            "wrong index for " + m + " in " + n);
                }
            }
        }
    }

    @Test
    void everyConsistencyProofVerifiesAndAForgedOneFails() {
        List<byte[]> leaves = leaves(MAX);
        Map<Node, byte[]> stored = stored(leaves);
        for (int second = 1; second <= MAX; second++) {
            byte[] secondRoot = mth(leaves.subList(0, second));
            for (int first = 1; first <= second; first++) {
                byte[] firstRoot = mth(leaves.subList(0, first));
                List<byte[]> proof = hashes(MerkleProofs.consistencyRanges(first, second), stored);
                assertTrue(MerkleProofs.verifyConsistency(first, second, firstRoot, secondRoot, proof),
                        first + " to " + second);
                if (first < second) {
                    assertFalse(MerkleProofs.verifyConsistency(first, second, firstRoot, secondRoot,
                            flipped(proof)), "forged proof " + first + " to " + second);
                    byte[] otherRoot = mth(leaves(second + 1).subList(1, first + 1));
                    assertFalse(MerkleProofs.verifyConsistency(first, second, otherRoot, secondRoot, proof),
                            "another old tree " + first + " to " + second);
                }
            }
        }
    }

    @Test
    void aProofNeedsAtMostTwoStoredNodesPerLevel() {
        // what the audit service reads from its node table to answer a proof: O(log n) rows
        long size = 1_000_003;
        int levels = 64 - Long.numberOfLeadingZeros(size);
        assertTrue(MerkleProofs.nodesOf(MerkleProofs.inclusionRanges(123_457, size)).size() <= 2 * levels);
        assertTrue(MerkleProofs.nodesOf(MerkleProofs.consistencyRanges(777_777, size)).size() <= 2 * levels);
        assertEquals(List.of(new Node(19, 0), new Node(18, 2), new Node(17, 6), new Node(16, 14)),
                new Range(0, 983_040).perfectNodes());
    }

    private static List<byte[]> flipped(List<byte[]> path) {
        List<byte[]> forged = new ArrayList<>(path);
        int last = forged.size() - 1;
        if (last < 0) {
            forged.add(new byte[32]);
            return forged;
        }
        byte[] changed = forged.get(last).clone();
        changed[0] ^= 1;
        forged.set(last, changed);
        return forged;
    }
}
