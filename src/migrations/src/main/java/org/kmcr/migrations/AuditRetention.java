package org.kmcr.migrations;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The audit log's retention job, run monthly as the audit schema's owner (never by the service, whose role can
 * neither drop nor delete): {@code java -cp kmcr-migrations.jar org.kmcr.migrations.AuditRetention}, configured as
 * {@link MigrationSettings} plus {@code KMCR_AUDIT_RETENTION_MONTHS} (default {@value #DEFAULT_RETENTION_MONTHS}).
 * It creates the month partitions of the coming months (moving any rows waiting in the DEFAULT partition), then drops,
 * oldest first, each whole month that ended more than the retention period ago, but only when a checkpoint signs
 * the month's last entry (the service signs one at every month boundary), so that what remains still verifies,
 * and never the month holding the newest entry. The dropped entries' leaf hashes are kept in the tree (level 0 of
 * {@code audit.merkle_node}), in the same transaction as the drop: hashes only, no personal data.
 */
public final class AuditRetention {

    public static final int DEFAULT_RETENTION_MONTHS = 96;
    static final int MONTHS_AHEAD = 2;
    public static final DateTimeFormatter SUFFIX_FORMAT = DateTimeFormatter.ofPattern("yyyy_MM");

    private AuditRetention() {
    }

    /**
     * What one run did.
     *
     * @param dropped the month partitions dropped, oldest first
     * @param waiting why the next due month was not dropped; null when none is due
     */
    public record Result(List<String> dropped, String waiting) {
    }

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        MigrationSettings settings = MigrationSettings.fromEnvironment(env);
        int months = Integer.parseInt(env.getOrDefault("KMCR_AUDIT_RETENTION_MONTHS",
                String.valueOf(DEFAULT_RETENTION_MONTHS)));
        try {
            Result result = run(settings, months, LocalDate.now(ZoneOffset.UTC));
            System.out.println("Audit retention (" + months + " months) on " + settings.printableUrl() + ": dropped "
                    + result.dropped() + (result.waiting() == null ? "" : "; " + result.waiting()));
        } catch (SQLException | IllegalArgumentException e) {
            System.err.println("Audit retention failed: " + e.getMessage());
            System.exit(1);
        }
    }

    /** One run as of {@code today}. */
    public static Result run(MigrationSettings settings, int retentionMonths, LocalDate today) throws SQLException {
        if (retentionMonths < 1) {
            throw new IllegalArgumentException("KMCR_AUDIT_RETENTION_MONTHS must be at least 1");
        }
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), SchemaOwner.AUDIT.role(),
                settings.passwordOf(SchemaOwner.AUDIT))) {
            createComingMonths(c, YearMonth.from(today));
            YearMonth keepFrom = YearMonth.from(today).minusMonths(retentionMonths);
            List<String> dropped = new ArrayList<>();
            for (YearMonth month : monthPartitions(c)) {
                if (!month.isBefore(keepFrom)) {
                    break;
                }
                String waiting = dropMonth(c, month);
                if (waiting != null) {
                    return new Result(dropped, waiting);
                }
                dropped.add(name(month));
            }
            return new Result(dropped, null);
        }
    }

    /** The partitions of every month that has rows waiting in the DEFAULT partition, and of the coming months. */
    private static void createComingMonths(Connection c, YearMonth now) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SELECT audit.ensure_month_partition(month::date) FROM (SELECT DISTINCT date_trunc('month', "
                    + "recorded_at AT TIME ZONE 'UTC') AS month FROM audit.audit_entry_default) AS waiting");
        }
        try (PreparedStatement ensure = c.prepareStatement("SELECT audit.ensure_month_partition(?)")) {
            for (int ahead = 0; ahead <= MONTHS_AHEAD; ahead++) {
                ensure.setObject(1, now.plusMonths(ahead).atDay(1));
                ensure.execute();
            }
        }
    }

    private static List<YearMonth> monthPartitions(Connection c) throws SQLException {
        List<YearMonth> months = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT c.relname FROM pg_inherits i "
                + "JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'audit.audit_entry'::regclass "
                + "AND c.relname ~ '^audit_entry_[0-9]{4}_[0-9]{2}$' ORDER BY c.relname")) {
            while (rs.next()) {
                months.add(YearMonth.parse(rs.getString(1).substring("audit_entry_".length()), SUFFIX_FORMAT));
            }
        }
        return months;
    }

    /** Drops one month's partition; answers why not when it may not be dropped yet. */
    private static String dropMonth(Connection c, YearMonth month) throws SQLException {
        String table = "audit." + name(month);
        Long last = single(c, "SELECT max(sequence) FROM " + table);
        Long newest = single(c, "SELECT max(sequence) FROM audit.audit_entry");
        if (last != null && last.equals(newest)) {
            return name(month) + " holds the newest entry and is kept";
        }
        if (last != null && single(c, "SELECT count(*) FROM audit.checkpoint WHERE root_hash IS NOT NULL "
                + "AND sequence = " + last) == 0) {
            return name(month) + " is kept until a checkpoint signs its last entry " + last
                    + " (the audit service signs one at each month boundary)";
        }
        // the leaf hashes outlive their entries (level 0 of the tree), so that proofs about what remains still work
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("INSERT INTO audit.merkle_node (level, idx, hash) SELECT 0, sequence - 1, "
                    + "sha256('\\x00'::bytea || decode(hash, 'hex')) FROM " + table + " ON CONFLICT DO NOTHING");
            st.execute("DROP TABLE " + table);
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
        return null;
    }

    private static Long single(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            long value = rs.getLong(1);
            return rs.wasNull() ? null : value;
        }
    }

    static String name(YearMonth month) {
        return "audit_entry_" + month.format(SUFFIX_FORMAT);
    }
}
