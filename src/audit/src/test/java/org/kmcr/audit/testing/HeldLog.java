package org.kmcr.audit.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.IntSupplier;
import org.kmcr.audit.repository.AppendRepository;
import org.kmcr.common.testing.KmcrTestEnvironment;

/**
 * The audit log's append lock, held from outside (as another replica's long transaction would), so that a test can
 * make appends wait and gather into one batch. Closing releases it.
 */
public final class HeldLog implements AutoCloseable {

    private final Connection connection;

    private HeldLog(Connection connection) {
        this.connection = connection;
    }

    public static HeldLog hold() throws SQLException {
        Connection connection = KmcrTestEnvironment.database().connectAs("postgres");
        try (Statement st = connection.createStatement()) {
            st.execute("SELECT pg_advisory_lock(" + AppendRepository.LOG_LOCK + ")");
        }
        return new HeldLog(connection);
    }

    /** Waits until a transaction of the service waits for the lock. */
    public void awaitTransactionWaiting() throws SQLException, InterruptedException {
        awaitTrue(() -> {
            try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")) {
                rs.next();
                return rs.getInt(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }, 1);
    }

    /** Waits until {@code count} reports at least {@code expected}. */
    public static void awaitTrue(IntSupplier count, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (count.getAsInt() < expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Still " + count.getAsInt() + " after 20 s, expected " + expected);
            }
            Thread.sleep(10);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
