package org.kmcr.audit.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.kmcr.audit.repository.TreeRepository;
import org.kmcr.auditverifier.CompactRange;
import org.kmcr.auditverifier.ConsistencyProof;
import org.kmcr.auditverifier.Hashes;
import org.kmcr.auditverifier.InclusionProof;
import org.kmcr.auditverifier.MerkleProofs;
import org.kmcr.auditverifier.Node;
import org.kmcr.auditverifier.Range;
import org.kmcr.common.problem.ProblemException;

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
        return tree.hashes(frontier).map(found -> root(size, found));
    }

    /** That the entry of {@code sequence} is in the tree of {@code size} entries; 404 when either is not there. */
    public Uni<InclusionProof> inclusion(long sequence, long size) {
        if (sequence < 1 || sequence > size) {
            throw ProblemException.badRequest("The entry must be one of the first treeSize entries: sequence "
                    + sequence + ", treeSize " + size);
        }
        Node leaf = new Node(0, sequence - 1);
        List<Range> path = MerkleProofs.inclusionRanges(sequence - 1, size);
        return read(size, path, Set.of(leaf)).chain(found -> tree.entryHash(sequence).map(entryHash ->
                new InclusionProof(sequence, size, entryHash, hashes(path, found), root(size, found))));
    }

    /**
     * Inclusion proofs of many entries in the tree of {@code size} entries, from one read of every node they need.
     *
     * @param entryHashes the hash of each entry by sequence; each sequence at most {@code size}
     */
    public Uni<Map<Long, InclusionProof>> inclusions(Map<Long, String> entryHashes, long size) {
        Map<Long, List<Range>> paths = new TreeMap<>();
        entryHashes.keySet().forEach(sequence -> paths.put(sequence, MerkleProofs.inclusionRanges(sequence - 1, size)));
        List<Range> all = paths.values().stream().flatMap(List::stream).toList();
        return read(size, all, Set.of()).map(found -> {
            Map<Long, InclusionProof> proofs = new HashMap<>();
            String root = root(size, found);
            paths.forEach((sequence, path) -> proofs.put(sequence, new InclusionProof(sequence, size,
                    entryHashes.get(sequence), hashes(path, found), root)));
            return proofs;
        });
    }

    /** That the tree of {@code first} entries is a prefix of the tree of {@code second}; 404 beyond the log. */
    public Uni<ConsistencyProof> consistency(long first, long second) {
        if (first < 1 || first > second) {
            throw ProblemException.badRequest("A consistency proof needs 1 <= from <= to: from " + first + ", to "
                    + second);
        }
        List<Range> proof = MerkleProofs.consistencyRanges(first, second);
        Set<Node> fromEdge = new LinkedHashSet<>(CompactRange.frontierOf(first));
        return read(second, proof, fromEdge).map(found -> new ConsistencyProof(first, second, hashes(proof, found),
                root(first, found), root(second, found)));
    }

    /** The nodes of the ranges, of the right edge at {@code size} and the extra ones, after checking the size. */
    private Uni<Map<Node, byte[]>> read(long size, List<Range> ranges, Set<Node> extra) {
        Set<Node> needed = new LinkedHashSet<>(MerkleProofs.nodesOf(ranges));
        needed.addAll(CompactRange.frontierOf(size));
        needed.addAll(extra);
        return tree.size().chain(logSize -> {
            if (size > logSize) {
                throw ProblemException.notFound("The audit log has " + logSize + " entries, not " + size);
            }
            return tree.hashes(needed);
        });
    }

    private static List<String> hashes(List<Range> ranges, Map<Node, byte[]> found) {
        return ranges.stream().map(range -> Hashes.hex(MerkleProofs.hash(range, node -> present(found, node))))
                .toList();
    }

    private static String root(long size, Map<Node, byte[]> found) {
        return Hashes.hex(CompactRange.of(size, CompactRange.frontierOf(size).stream()
                .map(node -> present(found, node)).toList()).root());
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
