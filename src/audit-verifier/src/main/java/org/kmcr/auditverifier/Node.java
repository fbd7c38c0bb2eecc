package org.kmcr.auditverifier;

/**
 * A perfect subtree of the Merkle tree: the node at {@code level} (0 for a leaf) covering leaves
 * {@code index * 2^level} to {@code (index + 1) * 2^level - 1}. Once complete, its hash never changes.
 */
public record Node(int level, long index) {

    public long firstLeaf() {
        return index << level;
    }
}
