package org.kmcr.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A packaged service refuses to start in production with a committed demo secret or a plain-http OIDC server or
 * neighbour, and starts when it has neither. (The record service: it has an OIDC server, an OIDC client and three
 * neighbours.) Ports of their own, so that the running stack is not disturbed.
 */
class ProductionStartTest {

    static final Path ROOT = Path.of(System.getProperty("kmcr.root", "../..")).toAbsolutePath().normalize();
    static final int HTTP_PORT = 18093;
    static final int MANAGEMENT_PORT = 19093;
    /** Hosts that cannot resolve, so nothing is ever reached; only the scheme matters to the guards. */
    static final Map<String, String> HTTPS_EVERYWHERE = Map.of(
            "KMCR_OIDC_URL", "https://keycloak.kmcr.invalid/realms/kmcr",
            "KMCR_IDENTITY_URL", "https://identity.kmcr.invalid",
            "KMCR_CONSENT_URL", "https://consent.kmcr.invalid",
            "KMCR_AUDIT_URL", "https://audit.kmcr.invalid");
    private static final Map<Process, Path> LOGS = new HashMap<>();

    @Test
    void aServiceWithTheDemoClientSecretRefusesToStart() throws IOException, InterruptedException {
        String output = refusal(Map.of("KMCR_ALLOW_PLAIN_HTTP", "true"));
        assertTrue(output.contains("Refusing to start with the committed demo value of [kmcr.client-secret]")
                && output.contains("KMCR_CLIENT_SECRET"), output);
    }

    @Test
    void aServiceWithThePlainHttpDefaultsRefusesToStart() throws IOException, InterruptedException {
        String output = refusal(Map.of("KMCR_ALLOW_DEMO_SECRETS", "true"));
        assertTrue(output.contains("Refusing to start with plain-http URLs in [quarkus.oidc-client.auth-server-url, "
                + "quarkus.oidc.auth-server-url, quarkus.rest-client.audit.url, quarkus.rest-client.consent.url, "
                + "quarkus.rest-client.identity.url]"), output);
        assertTrue(output.contains("KMCR_ALLOW_PLAIN_HTTP=true for a local demo"), output);
    }

    @Test
    void oneNeighbourOverPlainHttpIsEnoughToRefuse() throws IOException, InterruptedException {
        Map<String, String> env = new HashMap<>(HTTPS_EVERYWHERE);
        env.put("KMCR_CONSENT_URL", "http://consent.kmcr.invalid:8084");
        env.put("KMCR_ALLOW_DEMO_SECRETS", "true");
        String output = refusal(env);
        assertTrue(output.contains("Refusing to start with plain-http URLs in [quarkus.rest-client.consent.url]"),
                output);
    }

    @Test
    void aServiceWithHttpsEverywhereAndItsOwnSecretStarts() throws IOException, InterruptedException {
        Map<String, String> env = new HashMap<>(HTTPS_EVERYWHERE);
        env.put("KMCR_CLIENT_SECRET", "a-secret-from-the-vault");
        Process service = start(env);
        try {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
            int live = 0;
            while (live != 200 && service.isAlive() && Instant.now().isBefore(deadline)) {
                Thread.sleep(500);
                live = liveness();
            }
            assertEquals(200, live, "the service did not start:\n" + outputOf(service));
            assertFalse(outputOf(service).contains("Refusing to start"));
        } finally {
            service.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        }
    }

    /** Starts the packaged record service in production mode, with no KMCR_ALLOW_* but those given. */
    private static Process start(Map<String, String> env) throws IOException {
        Path log = Files.createTempFile("kmcr-production-start", ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", ROOT.resolve("src/record/target/quarkus-app/quarkus-run.jar").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("KMCR_"));
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(HTTP_PORT));
        builder.environment().put("QUARKUS_MANAGEMENT_PORT", String.valueOf(MANAGEMENT_PORT));
        builder.environment().putAll(env);
        Process process = builder.start();
        LOGS.put(process, log);
        return process;
    }

    /** Starts the service, insists that it stops by itself with an error, and returns what it printed. */
    private static String refusal(Map<String, String> env) throws IOException, InterruptedException {
        Process service = start(env);
        try {
            assertTrue(service.waitFor(90, TimeUnit.SECONDS), "the service should stop by itself");
            assertNotEquals(0, service.exitValue(), outputOf(service));
            return outputOf(service);
        } finally {
            service.destroyForcibly();
        }
    }

    private static String outputOf(Process process) throws IOException {
        return Files.readString(LOGS.get(process), StandardCharsets.UTF_8);
    }

    private static int liveness() throws InterruptedException {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + MANAGEMENT_PORT + "/q/health/live")).timeout(Duration.ofSeconds(2))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        }
    }
}
