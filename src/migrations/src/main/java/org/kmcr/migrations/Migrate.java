package org.kmcr.migrations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The migration step: migrates every KMCR schema as its owner role, before the services start. Run as a job
 * ({@code java -jar kmcr-migrations.jar}, configured by {@link MigrationSettings}) by the stack and, later, the
 * Helm chart; called in-process by the tests ({@link #all}). The services themselves never migrate and never hold
 * an owner's credentials. Migrations are versioned and never edited once released: Flyway refuses to run if an
 * applied migration has changed.
 */
public final class Migrate {

    private static final String LOG_FORMAT = "java.util.logging.SimpleFormatter.format";

    private Migrate() {
    }

    public static void main(String[] args) {
        // Flyway logs through java.util.logging here: one line per message
        if (System.getProperty(LOG_FORMAT) == null) {
            System.setProperty(LOG_FORMAT, "%4$s %3$s: %5$s%6$s%n");
        }
        try {
            MigrationSettings settings = MigrationSettings.fromEnvironment(System.getenv());
            System.out.println("Migrating " + settings.printableUrl());
            for (MigrationResult result : all(settings)) {
                System.out.println("  " + result);
            }
        } catch (IllegalArgumentException | FlywayException e) {
            System.err.println("Migration failed: " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Migrates every schema on the database at {@code jdbcUrl}, each as its owner; a missing password means none.
     *
     * @return one result per owner, in {@link SchemaOwner} order
     */
    public static List<MigrationResult> all(String jdbcUrl, Map<SchemaOwner, String> passwords) {
        return all(new MigrationSettings(jdbcUrl, passwords));
    }

    /** Migrates every schema with the given settings; see {@link #all(String, Map)}. */
    public static List<MigrationResult> all(MigrationSettings settings) {
        List<MigrationResult> results = new ArrayList<>();
        for (SchemaOwner owner : SchemaOwner.values()) {
            results.add(migrate(settings.jdbcUrl(), owner, settings.passwordOf(owner)));
        }
        return results;
    }

    /** Migrates one owner's schemas as that owner. */
    public static MigrationResult migrate(String jdbcUrl, SchemaOwner owner, String password) {
        MigrateResult result = Flyway.configure(Migrate.class.getClassLoader())
                .dataSource(jdbcUrl, owner.role(), password)
                .schemas(owner.schemas().toArray(String[]::new))
                .locations(owner.locations().stream().map(folder -> "classpath:" + folder).toArray(String[]::new))
                .placeholders(owner.placeholders())
                .cleanDisabled(true)
                .load()
                .migrate();
        String after = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        return new MigrationResult(owner, result.initialSchemaVersion, after, result.migrationsExecuted);
    }
}
