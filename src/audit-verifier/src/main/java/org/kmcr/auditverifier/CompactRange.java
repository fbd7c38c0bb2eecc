package org.kmcr.auditverifier;

import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of a Merkle tree of {@code size} leaves: the hashes of its perfect subtrees, largest first (one
 * for each bit set in the size). Enough to append leaves and to compute the root, without the leaves themselves.
 * Not thread-safe.
 */
public final class CompactRange {

    private final List<HashedNode> frontier;
    private long size;

    private CompactRange(long size, List<HashedNode> frontier) {
        this.size = size;
        this.frontier = new ArrayList<>(frontier);
    }

    public static CompactRange empty() {
        return new CompactRange(0, List.of());
    }

    /** The perfect subtrees whose hashes make up the compact range of a tree of {@code size} leaves. */
    public static List<Node> frontierOf(long size) {
        return size == 0 ? List.of() : new Range(0, size).perfectNodes();
    }

    /** A compact range from the hashes of {@link #frontierOf(long)}, in that order. */
    public static CompactRange of(long size, List<byte[]> frontierHashes) {
        List<Node> nodes = frontierOf(size);
        if (nodes.size() != frontierHashes.size()) {
            throw new IllegalArgumentException("A tree of " + size + " leaves has " + nodes.size()
                    + " frontier nodes, not " + frontierHashes.size());
        }
        List<HashedNode> hashed = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            hashed.add(new HashedNode(nodes.get(i), frontierHashes.get(i)));
        }
        return new CompactRange(size, hashed);
    }

    /** An independent copy, to append to without changing this one. */
    public CompactRange copy() {
        return new CompactRange(size, frontier);
    }

    public long size() {
        return size;
    }

    /** The frontier, largest subtree first. */
    public List<HashedNode> frontier() {
        return List.copyOf(frontier);
    }

    /**
     * Appends one leaf hash; answers the perfect subtrees above leaf level that it completed (lowest first),
     * which is what must be stored to answer proofs later.
     */
    public List<HashedNode> append(byte[] leafHash) {
        List<HashedNode> completed = new ArrayList<>();
        HashedNode right = new HashedNode(new Node(0, size), leafHash);
        while (!frontier.isEmpty() && frontier.get(frontier.size() - 1).node().level() == right.node().level()) {
            HashedNode left = frontier.remove(frontier.size() - 1);
            right = new HashedNode(new Node(left.node().level() + 1, left.node().index() >> 1),
                    Hashes.node(left.hash(), right.hash()));
            completed.add(right);
        }
        frontier.add(right);
        size++;
        return completed;
    }

    /** The root hash: RFC 9162's MTH over all leaves; the hash of the empty string for an empty tree. */
    public byte[] root() {
        if (frontier.isEmpty()) {
            return Hashes.sha256().digest();
        }
        byte[] root = frontier.get(frontier.size() - 1).hash();
        for (int i = frontier.size() - 2; i >= 0; i--) {
            root = Hashes.node(frontier.get(i).hash(), root);
        }
        return root;
    }
}
