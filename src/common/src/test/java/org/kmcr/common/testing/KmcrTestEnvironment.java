package org.kmcr.common.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.kmcr.migrations.Migrate;

/**
 * Everything a service's {@code @QuarkusTest}s need: a fresh bootstrapped PostgreSQL database (dropped at
 * the end), migrated by the same migration step as production runs before the services start (every schema, each as
 * its owner), and token verification with the {@link TestTokens} key instead of Keycloak.
 */
public class KmcrTestEnvironment implements QuarkusTestResourceLifecycleManager {

    private static PostgresDatabase database;

    /** The database of the running test, for tests that inspect it as an operator would. */
    public static PostgresDatabase database() {
        return database;
    }

    @Override
    public Map<String, String> start() {
        database = PostgresDatabase.create("kmcr_test");
        // trust authentication on the test servers: the owners need no password
        Migrate.all(database.jdbcUrl(), Map.of());
        return Map.of(
                "kmcr.db.host", database.host(),
                "kmcr.db.port", String.valueOf(database.port()),
                "kmcr.db.name", database.name(),
                "quarkus.oidc.public-key", TestTokens.publicKey(),
                "quarkus.oidc.token.issuer", TestTokens.ISSUER);
    }

    @Override
    public void stop() {
        if (database != null) {
            database.close();
            database = null;
        }
    }
}
