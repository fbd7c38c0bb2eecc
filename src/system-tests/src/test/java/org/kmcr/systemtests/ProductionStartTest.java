package org.kmcr.systemtests;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A packaged service refuses to start in production with a committed demo secret. */
class ProductionStartTest {

    @Test
    void aServiceWithTheDemoClientSecretRefusesToStart() throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("kmcr.root", "../..")).toAbsolutePath().normalize();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", root.resolve("src/record/target/quarkus-app/quarkus-run.jar").toString())
                .redirectErrorStream(true);
        builder.environment().put("QUARKUS_HTTP_PORT", "18093");
        builder.environment().remove("KMCR_ALLOW_DEMO_SECRETS");
        Process service = builder.start();
        try {
            assertTrue(service.waitFor(90, TimeUnit.SECONDS), "the service should stop by itself");
            String output = new String(service.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertNotEquals(0, service.exitValue());
            assertTrue(output.contains("Refusing to start with the committed demo value of [kmcr.client-secret]")
                    && output.contains("KMCR_CLIENT_SECRET"), output);
        } finally {
            service.destroyForcibly();
        }
    }
}
