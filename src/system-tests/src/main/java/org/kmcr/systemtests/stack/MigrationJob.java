package org.kmcr.systemtests.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.kmcr.common.testing.PostgresDatabase;

/**
 * The migration step as the stack runs it before the services, as a Kubernetes Job would: the packaged
 * {@code kmcr-migrations.jar} in a process of its own, whose environment alone holds the schema owners' credentials
 * (empty here: the local servers use trust authentication).
 */
public final class MigrationJob {

    static final List<String> OWNER_PASSWORD_VARIABLES = List.of("KMCR_INGEST_OWNER_PASSWORD",
            "KMCR_IDENTITY_OWNER_PASSWORD", "KMCR_CONSENT_OWNER_PASSWORD", "KMCR_AUDIT_OWNER_PASSWORD");
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private MigrationJob() {
    }

    /** Migrates every schema of the database; fails with the job's output if it does not succeed. */
    public static void run(Path root, PostgresDatabase database, Path log) {
        Path jar = root.resolve("src/migrations/target/kmcr-migrations.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("The migration step is not packaged at " + jar
                    + "; run ./mvnw verify from the repository root");
        }
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m", "-jar",
                    jar.toString())
                    .directory(jar.getParent().toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
            Map<String, String> env = builder.environment();
            env.put("KMCR_DB_HOST", database.host());
            env.put("KMCR_DB_PORT", String.valueOf(database.port()));
            env.put("KMCR_DB_NAME", database.name());
            OWNER_PASSWORD_VARIABLES.forEach(variable -> env.put(variable, ""));
            Process job = builder.start();
            if (!job.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                job.destroyForcibly();
                throw new IllegalStateException("The migration step did not finish in " + TIMEOUT.toSeconds()
                        + " s\n" + Files.readString(log));
            }
            if (job.exitValue() != 0) {
                throw new IllegalStateException("The migration step failed (exit " + job.exitValue() + ")\n"
                        + Files.readString(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run the migration step", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
