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
        assertEquals(List.of("kmcr.client-secret", "kmcr.audit.checkpoint.private-key"), demoValuesIn(Map.of(
                "kmcr.client-secret", "kmcr-record-demo-secret",
                "kmcr.audit.checkpoint.private-key", "demo-only:MC4CAQAwBQYDK2VwBCIEI")));
    }

    @Test
    void acceptsRealSecretsAndAbsentOnes() {
        assertEquals(List.of(), demoValuesIn(Map.of("kmcr.client-secret", "s3cr3t-from-the-vault")));
        assertEquals(List.of(), demoValuesIn(Map.of()));
        assertEquals(List.of(), demoValuesIn(Map.of("kmcr.audit.checkpoint.private-key", "MC4CAQAwBQYDK2VwBCIEI")));
    }

    @Test
    void namesTheEnvironmentVariableToSet() {
        assertEquals("KMCR_CLIENT_SECRET", DemoSecretGuard.envName("kmcr.client-secret"));
        assertEquals("KMCR_AUDIT_CHECKPOINT_PRIVATE_KEY", DemoSecretGuard.envName("kmcr.audit.checkpoint.private-key"));
    }

    @Test
    void theOwnerPasswordIsNoLongerASettingOfTheServices() {
        // the migration step holds the owner passwords; a service that still had one would be a regression
        assertEquals(List.of(), demoValuesIn(Map.of("kmcr.db.owner-password", "local-demo-only")));
    }
}
