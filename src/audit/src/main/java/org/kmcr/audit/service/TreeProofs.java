package org.kmcr.audit.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kmcr.audit.repository.TreeRepository;
import org.kmcr.auditverifier.CompactRange;
import org.kmcr.auditverifier.Hashes;
import org.kmcr.auditverifier.MerkleProofs;
import org.kmcr.auditverifier.Node;
import org.kmcr.auditverifier.Range;

/**
 * Roots, inclusion proofs and consistency proofs of the log's Merkle tree, each from the O(log n) stored subtree
 * hashes it needs, read at once.
 */
@ApplicationScoped
public class TreeProofs {

    private final TreeRepository tree;

    TreeProofs(TreeRepository tree) {
        this.tree = tree;
    }

    /** The root hash (hex) of the tree of the first {@code size} entries. */
    public Uni<String> rootAt(long size) {
        List<Node> frontier = CompactRange.frontierOf(size);
        return tree.hashes(frontier).map(found -> Hashes.hex(
                CompactRange.of(size, frontier.stream().map(node -> present(found, node)).toList()).root()));
    }

    /** The audit path (hex hashes, leaf upwards) of the entry of {@code sequence} in the tree of {@code size}. */
    public Uni<List<String>> inclusion(long sequence, long size) {
        return hashesOf(MerkleProofs.inclusionRanges(sequence - 1, size));
    }

    /** The consistency proof (hex hashes) from the tree of {@code first} entries to that of {@code second}. */
    public Uni<List<String>> consistency(long first, long second) {
        return hashesOf(MerkleProofs.consistencyRanges(first, second));
    }

    private Uni<List<String>> hashesOf(List<Range> ranges) {
        Set<Node> needed = MerkleProofs.nodesOf(ranges);
        return tree.hashes(needed).map(found -> {
            List<String> hashes = new ArrayList<>();
            for (Range range : ranges) {
                hashes.add(Hashes.hex(MerkleProofs.hash(range, node -> present(found, node))));
            }
            return hashes;
        });
    }

    private static byte[] present(Map<Node, byte[]> found, Node node) {
        byte[] hash = found.get(node);
        if (hash == null) {
            throw new IllegalStateException("The audit tree has no stored hash for level " + node.level()
                    + " index " + node.index() + ": entries or tree nodes were removed");
        }
        return hash;
    }
}
