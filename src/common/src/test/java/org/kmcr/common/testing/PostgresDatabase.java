package org.kmcr.common.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A throw-away KMCR database: created with a unique name and bootstrapped (roles, schemas) on the
 * PostgreSQL at {@code 127.0.0.1:5432} when one answers, otherwise on an embedded PostgreSQL started for
 * this JVM. {@link #close()} drops it. Host and port can be set with KMCR_TEST_PG_HOST / KMCR_TEST_PG_PORT.
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
        Server target = server();
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = target.connect("postgres"); Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database on " + target, e);
        }
        PostgresDatabase database = new PostgresDatabase(target, name);
        database.execute(bootstrapSql());
        return database;
    }

    public String host() {
        return on.host;
    }

    public int port() {
        return on.port;
    }

    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + on.host + ":" + on.port + "/" + name;
    }

    /** Runs SQL as the superuser, as an operator (or an attacker with database access) would. */
    public void execute(String sql) {
        try (Connection c = on.connect(name); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed on " + name + ": " + e.getMessage(), e);
        }
    }

    /** Opens a connection as the given role (trust authentication, as on the test servers). */
    public Connection connectAs(String role) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), role, "");
    }

    @Override
    public void close() {
        try (Connection admin = on.connect("postgres"); Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop test database " + name, e);
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

    private static synchronized Server server() {
        if (server == null) {
            String host = System.getenv().getOrDefault("KMCR_TEST_PG_HOST", "127.0.0.1");
            int port = Integer.parseInt(System.getenv().getOrDefault("KMCR_TEST_PG_PORT", "5432"));
            Server local = new Server(host, port);
            server = local.answers() ? local : Server.embedded();
        }
        return server;
    }

    private record Server(String host, int port) {

        Connection connect(String database) throws SQLException {
            return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database,
                    SUPERUSER, "");
        }

        boolean answers() {
            try (Connection ignored = connect("postgres")) {
                return true;
            } catch (SQLException e) {
                return false;
            }
        }

        static Server embedded() {
            try {
                EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        pg.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
                return new Server("127.0.0.1", pg.getPort());
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start an embedded PostgreSQL", e);
            }
        }
    }
}
