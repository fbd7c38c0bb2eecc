package org.kmcr.common.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The test and local-run databases live on a server that answers and stores durably. */
class PostgresDatabaseTest {

    @Test
    void theServerInUseReportsItselfAndStoresDurably() {
        try (PostgresDatabase database = PostgresDatabase.create("kmcr_pgtest")) {
            PostgresDatabase.ServerSettings server = database.server();
            assertEquals(database.host(), server.host());
            assertEquals(database.port(), server.port());
            assertTrue(server.durable(), server.toString());
            assertTrue(server.toString().contains("fsync=on, synchronous_commit=on"), server.toString());
        }
    }

    @Test
    void anEmbeddedServerRunsWithFsyncSynchronousCommitAndFullPageWritesOn() throws IOException, SQLException {
        try (EmbeddedPostgres embedded = PostgresDatabase.Server.startEmbedded();
                Connection c = embedded.getPostgresDatabase().getConnection();
                Statement st = c.createStatement()) {
            for (String setting : new String[] {"fsync", "synchronous_commit", "full_page_writes"}) {
                try (ResultSet rs = st.executeQuery("SHOW " + setting)) {
                    rs.next();
                    assertEquals("on", rs.getString(1), setting);
                }
            }
        }
    }

    @Test
    void aPortWhereNothingListensIsNotAServer() throws IOException {
        int free;
        try (ServerSocket socket = new ServerSocket(0)) {
            free = socket.getLocalPort();
        }
        assertFalse(new PostgresDatabase.Server("127.0.0.1", free, false).answers());
    }

    @Test
    void onlyARefusedConnectionMeansNothingListens() {
        assertTrue(PostgresDatabase.Server.nothingListens(
                new SQLException("Connection refused", "08001", new ConnectException("refused"))));
        // what DriverManager said under exec:java, although the local server answered
        assertFalse(PostgresDatabase.Server.nothingListens(
                new SQLException("No suitable driver found for jdbc:postgresql://127.0.0.1:5432/postgres", "08001")));
        assertFalse(PostgresDatabase.Server.nothingListens(
                new SQLException("password authentication failed for user \"postgres\"", "28P01")));
    }
}
