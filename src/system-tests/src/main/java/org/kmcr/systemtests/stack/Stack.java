package org.kmcr.systemtests.stack;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kmcr.common.testing.PostgresDatabase;

/**
 * The whole system, for real: a fresh bootstrapped PostgreSQL database, migrated by the packaged migration step (its
 * own process, the only one holding the schema owners' credentials), Keycloak with the shipped realm, and the five
 * services as packaged jars, each configured only through environment variables as in production. Keycloak imports
 * the shipped realm with the demo overlay ({@link DemoRealm}) and gets the demo client secrets in its environment.
 */
public final class Stack implements AutoCloseable {

    public static final int KEYCLOAK_PORT = 8180;
    /** The demo trust's HL7 v2 MLLP listener (ingest). */
    public static final int MLLP_PORT = 2575;
    public static final int KEYCLOAK_MANAGEMENT_PORT = 9000;
    public static final String REALM_URL = "http://localhost:" + KEYCLOAK_PORT + "/realms/kmcr";

    private final Path root;
    private final Path logs;
    private final PostgresDatabase database;
    private final ManagedProcess keycloak;
    private final Map<ServiceSpec, ManagedProcess> services = new LinkedHashMap<>();

    private Stack(Path root, String databasePrefix) {
        this.root = root;
        this.logs = root.resolve("src/system-tests/target/stack-logs/" + databasePrefix);
        requireFreePorts();
        this.database = PostgresDatabase.create(databasePrefix);
        // which server holds the data, and whether it stores durably, as the server itself reports it
        System.out.println("Database " + database.name() + " on the " + database.server());
        this.keycloak = keycloakProcess();
        for (ServiceSpec spec : ServiceSpec.STARTED) {
            services.put(spec, serviceProcess(spec));
        }
    }

    /** Starts everything and returns once every part answers its readiness check. */
    public static Stack start(String databasePrefix) {
        Path root = Path.of(System.getProperty("kmcr.root", "../..")).toAbsolutePath().normalize();
        Stack stack = new Stack(root, databasePrefix);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "kmcr-stack-stop"));
        try {
            stack.keycloak.start();
            MigrationJob.run(root, stack.database, stack.logs.resolve("migrations.log"));
            // -Dkmcr.stack.ready-minutes=N waits longer on a machine busy with other builds
            long minutes = Long.getLong("kmcr.stack.ready-minutes", 4);
            stack.keycloak.awaitReady(Duration.ofMinutes(minutes));
            stack.services.values().forEach(ManagedProcess::start);
            stack.services.values().forEach(process -> process.awaitReady(Duration.ofMinutes(Math.max(3, minutes))));
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    public PostgresDatabase database() {
        return database;
    }

    public ManagedProcess keycloak() {
        return keycloak;
    }

    public ManagedProcess service(ServiceSpec spec) {
        return services.get(spec);
    }

    public List<ManagedProcess> processes() {
        List<ManagedProcess> all = new ArrayList<>();
        all.add(keycloak);
        all.addAll(services.values());
        return all;
    }

    @Override
    public synchronized void close() {
        services.values().forEach(ManagedProcess::stop);
        keycloak.stop();
        try {
            database.close();
        } catch (RuntimeException e) {
            // already dropped, or the server went away first
        }
    }

    private ManagedProcess keycloakProcess() {
        Path home = Path.of(System.getProperty("kmcr.keycloak.home",
                root.resolve("src/system-tests/target/keycloak/keycloak-26.5.6").toString()));
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("Keycloak is not unpacked at " + home
                    + "; build the system-tests module first (./mvnw verify unpacks it from Maven Central)");
        }
        // the shipped realm has no people and no secrets: the demo overlay adds the people, the environment the secrets
        DemoRealm realm = DemoRealm.from(root.resolve("k8s/keycloak/kmcr-realm.json"));
        realm.writeTo(home.resolve("data/import/kmcr-realm.json"));
        Map<String, String> env = new LinkedHashMap<>(realm.demoSecretEnvironment());
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m");
        return new ManagedProcess("keycloak",
                List.of(home.resolve("bin/kc.sh").toString(), "start-dev", "--http-port=" + KEYCLOAK_PORT,
                        "--http-management-port=" + KEYCLOAK_MANAGEMENT_PORT, "--import-realm",
                        "--health-enabled=true", "--db=dev-mem"),
                env, home, logs.resolve("keycloak.log"),
                URI.create("http://localhost:" + KEYCLOAK_MANAGEMENT_PORT + "/health/ready"));
    }

    private ManagedProcess serviceProcess(ServiceSpec spec) {
        Path jar = root.resolve("src/" + spec.name() + "/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("The " + spec.name() + " service is not packaged at " + jar
                    + "; run ./mvnw verify from the repository root");
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(spec.port()));
        env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(spec.managementPort()));
        env.put("KMCR_DB_HOST", database.host());
        env.put("KMCR_DB_PORT", String.valueOf(database.port()));
        env.put("KMCR_DB_NAME", database.name());
        env.put("KMCR_OIDC_URL", REALM_URL);
        env.put("KMCR_IDENTITY_URL", ServiceSpec.IDENTITY.url());
        env.put("KMCR_CONSENT_URL", ServiceSpec.CONSENT.url());
        env.put("KMCR_AUDIT_URL", ServiceSpec.AUDIT.url());
        env.put("KMCR_RECORD_URL", ServiceSpec.RECORD.url());
        env.put("KMCR_INGEST_URL", ServiceSpec.INGEST.url());
        if (spec.equals(ServiceSpec.INGEST)) {
            // the demo trust's HL7 v2 feed: whoever connects to this port sends as RKM's PAS (docs/operations.md)
            env.put("KMCR_INGEST_MLLP_LISTENERS", MLLP_PORT + ":" + DemoRegion.TRUST + ":" + DemoRegion.TRUST_PAS);
        }
        // the committed demo secrets are refused unless a local run says so
        env.put("KMCR_ALLOW_DEMO_SECRETS", "true");
        // and so are plain-http URLs: everything here is on localhost (local only, never in production)
        env.put("KMCR_ALLOW_PLAIN_HTTP", "true");
        return new ManagedProcess(spec.name(),
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                        "-XX:+UseSerialGC", "-jar", jar.toString()),
                env, jar.getParent(), logs.resolve(spec.name() + ".log"),
                URI.create(spec.managementUrl() + "/q/health/ready"));
    }

    private static void requireFreePorts() {
        List<Integer> ports = new ArrayList<>(List.of(KEYCLOAK_PORT, KEYCLOAK_MANAGEMENT_PORT, MLLP_PORT));
        ServiceSpec.STARTED.forEach(spec -> {
            ports.add(spec.port());
            ports.add(spec.managementPort());
        });
        for (int port : ports) {
            try (ServerSocket ignored = new ServerSocket(port)) {
                // free
            } catch (IOException e) {
                throw new IllegalStateException("Port " + port + " is in use; stop whatever holds it "
                        + "(another KMCR run?) and try again");
            }
        }
    }
}
