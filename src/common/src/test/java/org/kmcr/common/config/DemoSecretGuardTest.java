package org.kmcr.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DemoSecretGuardTest {

    static List<String> demoValuesIn(Map<String, String> config) {
        return DemoSecretGuard.demoValuesIn(name -> Optional.ofNullable(config.get(name)));
    }

    @Test
    void findsEveryCommittedDemoValue() {
        assertEquals(List.of("kmcr.client-secret", "kmcr.db.owner-password"), demoValuesIn(Map.of(
                "kmcr.client-secret", "kmcr-record-demo-secret", "kmcr.db.owner-password", "local-demo-only")));
    }

    @Test
    void acceptsRealSecretsAndAbsentOnes() {
        assertEquals(List.of(), demoValuesIn(Map.of("kmcr.client-secret", "s3cr3t-from-the-vault")));
        assertEquals(List.of(), demoValuesIn(Map.of()));
    }

    @Test
    void namesTheEnvironmentVariableToSet() {
        assertEquals("KMCR_CLIENT_SECRET", DemoSecretGuard.envName("kmcr.client-secret"));
        assertEquals("KMCR_DB_OWNER_PASSWORD", DemoSecretGuard.envName("kmcr.db.owner-password"));
    }
}
