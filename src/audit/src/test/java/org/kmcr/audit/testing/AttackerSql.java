package org.kmcr.audit.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.kmcr.audit.model.AuditEntry;
import org.kmcr.audit.service.ChainHash;
import org.kmcr.auditverifier.CompactRange;
import org.kmcr.auditverifier.HashedNode;
import org.kmcr.auditverifier.Hashes;
import org.kmcr.common.testing.KmcrTestEnvironment;

/**
 * What someone with superuser access to the database can do to the audit log: delete, rewrite and insert
 * entries with every later hash recomputed, and write checkpoint rows. {@link #snapshot()} keeps the tables (entries,
 * checkpoints and tree nodes)
 * as they are, so that a test puts them back after its attack and later tests see an intact log.
 */
public final class AttackerSql {

    private static final String COLUMNS = "sequence, event_id, occurred_at, recorded_at, action, outcome, "
            + "actor_user_id, actor_name, actor_role, actor_org, actor_role_profile, actor_role_code, actor_client, "
            + "purpose, access_basis, break_glass_reason, subject_person_id, subject_nhs_number, categories, "
            + "prev_hash, hash";

    private AttackerSql() {
    }

    /** The whole chain, in order. */
    public static List<AuditEntry> chain() {
        try (Connection c = superuser(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT " + COLUMNS + " FROM audit.audit_entry ORDER BY sequence")) {
            List<AuditEntry> chain = new ArrayList<>();
            while (rs.next()) {
                chain.add(entry(rs));
            }
            return chain;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deletes every entry from the given sequence on: the newest entries vanish. */
    public static void deleteFrom(long sequence) {
        KmcrTestEnvironment.database().execute("DELETE FROM audit.audit_entry WHERE sequence >= " + sequence);
    }

    /**
     * Replaces the chain from {@code from} on with {@code tail}, renumbered from {@code from} and with every link
     * and hash recomputed, so that the chain is self-consistent again.
     */
    public static void rewriteFrom(long from, List<AuditEntry> tail) {
        String prevHash = chain().stream().filter(e -> e.sequence == from - 1).map(e -> e.hash).findFirst()
                .orElse(ChainHash.GENESIS);
        long sequence = from;
        for (AuditEntry entry : tail) {
            entry.sequence = sequence++;
            entry.prevHash = prevHash;
            entry.hash = ChainHash.of(entry);
            prevHash = entry.hash;
        }
        try (Connection c = superuser()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("DELETE FROM audit.audit_entry WHERE sequence >= " + from);
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO audit.audit_entry (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (AuditEntry entry : tail) {
                    bind(insert, entry);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Recomputes the whole Merkle tree from the entries as they now are and replaces the stored nodes, as an
     * attacker covering a rewrite would: the tree is consistent with the entries again, but no longer with the roots
     * the checkpoints signed.
     */
    public static void rebuildTree() {
        CompactRange tree = CompactRange.empty();
        List<HashedNode> nodes = new ArrayList<>();
        for (AuditEntry entry : chain()) {
            nodes.addAll(tree.append(Hashes.leafOfEntry(entry.hash)));
        }
        try (Connection c = superuser()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("DELETE FROM audit.merkle_node");
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO audit.merkle_node (level, idx, hash) VALUES (?, ?, ?)")) {
                for (HashedNode node : nodes) {
                    insert.setShort(1, (short) node.node().level());
                    insert.setLong(2, node.node().index());
                    insert.setBytes(3, node.hash());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes a checkpoint row directly, signature and all. */
    public static void insertCheckpoint(long sequence, String rootHash, String headHash, Instant signedAt,
            String keyId, String signature) {
        try (Connection c = superuser(); PreparedStatement insert = c.prepareStatement("INSERT INTO audit.checkpoint "
                + "(sequence, root_hash, head_hash, signed_at, key_id, signature) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, sequence);
            insert.setString(2, rootHash);
            insert.setString(3, headHash);
            insert.setObject(4, OffsetDateTime.ofInstant(signedAt, ZoneOffset.UTC));
            insert.setString(5, keyId);
            insert.setString(6, signature);
            insert.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void deleteCheckpoint(long sequence) {
        KmcrTestEnvironment.database().execute("DELETE FROM audit.checkpoint WHERE sequence = " + sequence);
    }

    /** Keeps both tables as they are now; closing the snapshot puts them back exactly. */
    public static Snapshot snapshot() {
        String name = "kept_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        KmcrTestEnvironment.database().execute("CREATE TABLE public." + name + "_entries AS SELECT * FROM audit.audit_entry;"
                + "CREATE TABLE public." + name + "_checkpoints AS SELECT * FROM audit.checkpoint;"
                + "CREATE TABLE public." + name + "_nodes AS SELECT * FROM audit.merkle_node");
        return new Snapshot(name);
    }

    /** The tables as they were when the snapshot was taken. */
    public record Snapshot(String name) implements AutoCloseable {

        @Override
        public void close() {
            try (Connection c = superuser()) {
                c.setAutoCommit(false);
                try (Statement st = c.createStatement()) {
                    st.execute("DELETE FROM audit.audit_entry");
                    st.execute("INSERT INTO audit.audit_entry SELECT * FROM public." + name + "_entries");
                    st.execute("DELETE FROM audit.checkpoint");
                    st.execute("INSERT INTO audit.checkpoint SELECT * FROM public." + name + "_checkpoints");
                    st.execute("DELETE FROM audit.merkle_node");
                    st.execute("INSERT INTO audit.merkle_node SELECT * FROM public." + name + "_nodes");
                    st.execute("DROP TABLE public." + name + "_entries, public." + name + "_checkpoints, public."
                            + name + "_nodes");
                }
                c.commit();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static Connection superuser() throws SQLException {
        return KmcrTestEnvironment.database().connectAs("postgres");
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        AuditEntry e = new AuditEntry();
        e.sequence = rs.getLong("sequence");
        e.eventId = rs.getObject("event_id", UUID.class);
        e.occurredAt = rs.getObject("occurred_at", OffsetDateTime.class).toInstant();
        e.recordedAt = rs.getObject("recorded_at", OffsetDateTime.class).toInstant();
        e.action = rs.getString("action");
        e.outcome = rs.getString("outcome");
        e.actorUserId = rs.getString("actor_user_id");
        e.actorName = rs.getString("actor_name");
        e.actorRole = rs.getString("actor_role");
        e.actorOrg = rs.getString("actor_org");
        e.actorRoleProfile = rs.getString("actor_role_profile");
        e.actorRoleCode = rs.getString("actor_role_code");
        e.actorClient = rs.getString("actor_client");
        e.purpose = rs.getString("purpose");
        e.accessBasis = rs.getString("access_basis");
        e.breakGlassReason = rs.getString("break_glass_reason");
        e.subjectPersonId = rs.getObject("subject_person_id", UUID.class);
        e.subjectNhsNumber = rs.getString("subject_nhs_number");
        e.categories = rs.getString("categories");
        e.prevHash = rs.getString("prev_hash");
        e.hash = rs.getString("hash");
        return e;
    }

    private static void bind(PreparedStatement insert, AuditEntry e) throws SQLException {
        Object[] values = {e.sequence, e.eventId, utc(e.occurredAt), utc(e.recordedAt), e.action, e.outcome,
            e.actorUserId, e.actorName, e.actorRole, e.actorOrg, e.actorRoleProfile, e.actorRoleCode,
            e.actorClient, e.purpose, e.accessBasis, e.breakGlassReason, e.subjectPersonId, e.subjectNhsNumber,
            e.categories, e.prevHash, e.hash};
        for (int i = 0; i < values.length; i++) {
            insert.setObject(i + 1, values[i]);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
