package org.kmcr.audit.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kmcr.auditverifier.Hashes;
import org.kmcr.auditverifier.Node;

/**
 * The hashes of perfect subtrees of the log's Merkle tree: leaves from the entries' hashes, higher nodes from
 * {@code merkle_node}. Two reads, however many nodes are asked for.
 */
@ApplicationScoped
public class TreeRepository {

    private final Pool pool;

    TreeRepository(Pool pool) {
        this.pool = pool;
    }

    /** The hashes of the given nodes that exist, outside any transaction. */
    public Uni<Map<Node, byte[]>> hashes(Collection<Node> nodes) {
        return hashes(pool, nodes);
    }

    /** The number of entries in the log: the newest sequence, 0 when empty. */
    public Uni<Long> size() {
        return pool.query("SELECT coalesce(max(sequence), 0) AS size FROM audit.audit_entry").execute()
                .map(rows -> rows.iterator().next().getLong("size"));
    }

    /** The hash of the entry of {@code sequence}; null when there is none. */
    public Uni<String> entryHash(long sequence) {
        return pool.preparedQuery("SELECT hash FROM audit.audit_entry WHERE sequence = $1").execute(Tuple.of(sequence))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString("hash"));
    }

    /** The leaf hashes of the entries of sequences {@code first} to {@code last}, outside any transaction. */
    public Uni<List<byte[]>> leafHashes(long first, long last) {
        return leafHashes(pool, first, last);
    }

    /** The leaf hashes of the entries of sequences {@code first} to {@code last}, in order of sequence. */
    public Uni<List<byte[]>> leafHashes(SqlClient client, long first, long last) {
        return client.preparedQuery("SELECT hash FROM audit.audit_entry WHERE sequence BETWEEN $1 AND $2 "
                + "ORDER BY sequence").execute(Tuple.of(first, last)).map(rows -> {
                    List<byte[]> leaves = new ArrayList<>();
                    for (Row row : rows) {
                        leaves.add(Hashes.leafOfEntry(row.getString("hash")));
                    }
                    return leaves;
                });
    }

    /**
     * The hashes of the given nodes that exist, read with the given client (a transaction's connection). Leaves come
     * from their entries, or, once retention has dropped the entries, from the leaf hashes it kept in
     * {@code merkle_node} at level 0.
     */
    public Uni<Map<Node, byte[]>> hashes(SqlClient client, Collection<Node> nodes) {
        List<Node> leaves = nodes.stream().filter(n -> n.level() == 0).toList();
        Map<Node, byte[]> found = new HashMap<>();
        Uni<Void> leavesRead = leaves.isEmpty() ? Uni.createFrom().voidItem() : client
                .preparedQuery("SELECT sequence, hash FROM audit.audit_entry WHERE sequence = ANY($1)")
                .execute(Tuple.of(leaves.stream().map(n -> n.index() + 1).toArray(Long[]::new)))
                .invoke(rows -> {
                    for (Row row : rows) {
                        found.put(new Node(0, row.getLong("sequence") - 1), Hashes.leafOfEntry(row.getString("hash")));
                    }
                }).replaceWithVoid();
        return leavesRead.chain(() -> {
            List<Node> stored = nodes.stream().filter(n -> !found.containsKey(n)).toList();
            return stored.isEmpty() ? Uni.createFrom().voidItem() : client
                    .preparedQuery("SELECT n.level, n.idx, n.hash FROM audit.merkle_node n "
                            + "JOIN unnest($1::smallint[], $2::bigint[]) AS wanted(level, idx) "
                            + "ON n.level = wanted.level AND n.idx = wanted.idx")
                    .execute(Tuple.of(stored.stream().map(n -> (short) n.level()).toArray(Short[]::new),
                            stored.stream().map(Node::index).toArray(Long[]::new)))
                    .invoke(rows -> {
                        for (Row row : rows) {
                            found.put(new Node(row.getShort("level"), row.getLong("idx")),
                                    row.getBuffer("hash").getBytes());
                        }
                    }).replaceWithVoid();
        }).map(done -> found);
    }
}
