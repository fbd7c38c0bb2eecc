package org.kmcr.common.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A throw-away KMCR database: created with a unique name and bootstrapped (roles, schemas) on the
 * PostgreSQL at {@code 127.0.0.1:5432} when one answers, otherwise on an embedded PostgreSQL started for
 * this JVM with durable settings (fsync, synchronous commit and full page writes on, unlike the embedded
 * defaults). {@link #close()} drops it. Host and port can be set with KMCR_TEST_PG_HOST / KMCR_TEST_PG_PORT.
 * The migrations are not run here: that is the migration step's job ({@code org.kmcr.migrations.Migrate}).
 *
 * <p>Connections are opened through the PostgreSQL driver's own data source, never {@code DriverManager}: under
 * {@code exec:java} (the local run, the benchmark) DriverManager has already been initialised by Maven's own class
 * loader and finds no driver, which once made the local run start an embedded server although the local one
 * answered.
 */
public final class PostgresDatabase implements AutoCloseable {

    private static final String SUPERUSER = "postgres";
    private static Server server;

    private final Server on;
    private final String name;

    private PostgresDatabase(Server on, String name) {
        this.on = on;
        this.name = name;
    }

    /** Creates and bootstraps a new database whose name starts with the prefix. */
    public static PostgresDatabase create(String prefix) {
        Server target = sharedServer();
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = target.connect("postgres", SUPERUSER); Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database on " + target, e);
        }
        PostgresDatabase database = new PostgresDatabase(target, name);
        database.execute(bootstrapSql());
        return database;
    }

    public String host() {
        return on.host();
    }

    public int port() {
        return on.port();
    }

    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + on.host() + ":" + on.port() + "/" + name;
    }

    /** Which server holds this database and whether it stores durably, as the server itself reports it. */
    public ServerSettings server() {
        try (Connection c = on.connect(name, SUPERUSER); Statement st = c.createStatement()) {
            return new ServerSettings(on.embedded(), on.host(), on.port(), show(st, "server_version"),
                    show(st, "fsync"), show(st, "synchronous_commit"), show(st, "full_page_writes"));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the settings of " + on, e);
        }
    }

    /** Runs SQL as the superuser, as an operator (or an attacker with database access) would. */
    public void execute(String sql) {
        try (Connection c = on.connect(name, SUPERUSER); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed on " + name + ": " + e.getMessage(), e);
        }
    }

    /** Opens a connection as the given role (trust authentication, as on the test servers). */
    public Connection connectAs(String role) throws SQLException {
        return on.connect(name, role);
    }

    /**
     * The driver loads its notice class lazily, on the first notice a server sends. Under {@code exec:java}
     * (the local run, the benchmark) Maven closes the class loader before the shutdown hook drops the database,
     * whose DROP then sends one, so the class is loaded while it still can be.
     */
    private static final Class<?> NOTICE_CLASS = org.postgresql.util.ServerErrorMessage.class;

    @Override
    public void close() {
        try (Connection admin = on.connect("postgres", SUPERUSER); Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop test database " + name, e);
        }
    }

    /** The server settings that decide whether an acknowledged write survives a crash. */
    public record ServerSettings(boolean embedded, String host, int port, String version, String fsync,
            String synchronousCommit, String fullPageWrites) {

        /** True when fsync, synchronous commit and full page writes are all on. */
        public boolean durable() {
            return "on".equals(fsync) && "on".equals(synchronousCommit) && "on".equals(fullPageWrites);
        }

        @Override
        public String toString() {
            return String.format("%s PostgreSQL %s at %s:%d (fsync=%s, synchronous_commit=%s, full_page_writes=%s)",
                    embedded ? "embedded" : "local", version, host, port, fsync, synchronousCommit, fullPageWrites);
        }
    }

    static String bootstrapSql() {
        try (InputStream in = PostgresDatabase.class.getResourceAsStream("/kmcr-db/bootstrap.sql")) {
            if (in == null) {
                throw new IllegalStateException("kmcr-db/bootstrap.sql is not on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String show(Statement st, String setting) throws SQLException {
        try (ResultSet rs = st.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static synchronized Server sharedServer() {
        if (server == null) {
            String host = System.getenv().getOrDefault("KMCR_TEST_PG_HOST", "127.0.0.1");
            int port = Integer.parseInt(System.getenv().getOrDefault("KMCR_TEST_PG_PORT", "5432"));
            Server local = new Server(host, port, false);
            server = local.answers() ? local : Server.embeddedForThisJvm();
        }
        return server;
    }

    /** A PostgreSQL server: the local one, or an embedded one this JVM started and stops at exit. */
    record Server(String host, int port, boolean embedded) {

        Connection connect(String database, String user) throws SQLException {
            PGSimpleDataSource source = new PGSimpleDataSource();
            source.setServerNames(new String[] {host});
            source.setPortNumbers(new int[] {port});
            source.setDatabaseName(database);
            source.setUser(user);
            source.setConnectTimeout(5);
            return source.getConnection();
        }

        /**
         * True if the superuser can connect, false if nothing listens there; any other failure (a server that
         * answers but refuses the superuser) is an error, not a reason to quietly use another server.
         */
        boolean answers() {
            try (Connection ignored = connect("postgres", SUPERUSER)) {
                return true;
            } catch (SQLException e) {
                if (nothingListens(e)) {
                    return false;
                }
                throw new IllegalStateException("The PostgreSQL at " + host + ":" + port + " answered but the "
                        + "superuser postgres could not connect without a password (" + e.getMessage() + "). Allow "
                        + "trust authentication for postgres on it, or set KMCR_TEST_PG_HOST and KMCR_TEST_PG_PORT "
                        + "to a server that does", e);
            }
        }

        static boolean nothingListens(Throwable failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof ConnectException || cause instanceof NoRouteToHostException
                        || cause instanceof UnknownHostException) {
                    return true;
                }
            }
            return false;
        }

        /** Starts an embedded PostgreSQL that stores durably; stopped when the JVM exits. */
        static Server embeddedForThisJvm() {
            EmbeddedPostgres pg = startEmbedded();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
            return new Server("127.0.0.1", pg.getPort(), true);
        }

        /** An embedded PostgreSQL with durable settings; the embedded defaults (-F, synchronous_commit=off) are not. */
        static EmbeddedPostgres startEmbedded() {
            try {
                return EmbeddedPostgres.builder()
                        .setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start an embedded PostgreSQL", e);
            }
        }
    }
}
