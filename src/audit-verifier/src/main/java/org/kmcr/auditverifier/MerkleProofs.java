package org.kmcr.auditverifier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Inclusion and consistency proofs of RFC 9162 (sections 2.1.3 and 2.1.4): which subtree hashes make up a proof,
 * how to compute them from stored perfect subtrees, and how to check a proof against root hashes. Pure functions.
 */
public final class MerkleProofs {

    private MerkleProofs() {
    }

    /** The ranges whose hashes, in order, are the inclusion proof of leaf {@code index} in a tree of {@code size}. */
    public static List<Range> inclusionRanges(long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("Leaf " + index + " is not in a tree of " + size + " leaves");
        }
        List<Range> path = new ArrayList<>();
        path(index, 0, size, path);
        return path;
    }

    private static void path(long index, long start, long end, List<Range> path) {
        long n = end - start;
        if (n == 1) {
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (index < k) {
            path(index, start, start + k, path);
            path.add(new Range(start + k, end));
        } else {
            path(index - k, start + k, end, path);
            path.add(new Range(start, start + k));
        }
    }

    /** The ranges whose hashes, in order, are the consistency proof from a tree of {@code first} to {@code second}. */
    public static List<Range> consistencyRanges(long first, long second) {
        if (first <= 0 || first > second) {
            throw new IllegalArgumentException("No consistency proof from " + first + " leaves to " + second);
        }
        List<Range> proof = new ArrayList<>();
        if (first < second) {
            subproof(first, 0, second, true, proof);
        }
        return proof;
    }

    private static void subproof(long m, long start, long end, boolean whole, List<Range> proof) {
        long n = end - start;
        if (m == n) {
            if (!whole) {
                proof.add(new Range(start, end));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(m, start, start + k, whole, proof);
            proof.add(new Range(start + k, end));
        } else {
            subproof(m - k, start + k, end, false, proof);
            proof.add(new Range(start, start + k));
        }
    }

    /** Every perfect subtree whose hash the given ranges need. */
    public static Set<Node> nodesOf(List<Range> ranges) {
        Set<Node> nodes = new LinkedHashSet<>();
        ranges.forEach(range -> nodes.addAll(range.perfectNodes()));
        return nodes;
    }

    /** MTH of a range, from the hashes of its perfect subtrees. */
    public static byte[] hash(Range range, Function<Node, byte[]> perfect) {
        List<Node> nodes = range.perfectNodes();
        byte[] hash = perfect.apply(nodes.get(nodes.size() - 1));
        for (int i = nodes.size() - 2; i >= 0; i--) {
            hash = Hashes.node(perfect.apply(nodes.get(i)), hash);
        }
        return hash;
    }

    /** RFC 9162 section 2.1.3.2: whether the path proves the leaf hash at {@code index} under {@code root}. */
    public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> path, byte[] root) {
        if (index < 0 || index >= size) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = Hashes.node(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = Hashes.node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /** RFC 9162 section 2.1.4.2: whether the proof shows the tree of {@code first} is a prefix of {@code second}. */
    public static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot,
            List<byte[]> proof) {
        if (first <= 0 || first > second) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && Arrays.equals(firstRoot, secondRoot);
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(first) == 1) {
            path.add(0, firstRoot);
        }
        if (path.isEmpty()) {
            return false;
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = Hashes.node(c, fr);
                sr = Hashes.node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = Hashes.node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot);
    }

    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }
}
