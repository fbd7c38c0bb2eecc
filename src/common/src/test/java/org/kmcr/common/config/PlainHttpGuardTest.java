package org.kmcr.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PlainHttpGuardTest {

    static List<String> plainHttpIn(Map<String, String> config) {
        return PlainHttpGuard.plainHttpSettings(config.keySet(), name -> Optional.ofNullable(config.get(name)));
    }

    @Test
    void findsPlainHttpOidcServersAndNeighbours() {
        Map<String, String> config = new TreeMap<>(Map.of(
                "quarkus.oidc.auth-server-url", "http://keycloak:8080/realms/kmcr",
                "quarkus.oidc-client.auth-server-url", "HTTP://keycloak:8080/realms/kmcr",
                "quarkus.oidc.staff.auth-server-url", "http://cis2.example/realms/staff",
                "quarkus.rest-client.consent.url", " http://consent:8084",
                "quarkus.rest-client.\"org.kmcr.Audit\".uri", "http://audit:8085"));
        assertEquals(List.of("quarkus.oidc-client.auth-server-url", "quarkus.oidc.auth-server-url",
                "quarkus.oidc.staff.auth-server-url", "quarkus.rest-client.\"org.kmcr.Audit\".uri",
                "quarkus.rest-client.consent.url"), plainHttpIn(config));
    }

    @Test
    void aRestClientsAliasUnderItsInterfaceNameIsNotListedTwice() {
        Map<String, String> config = Map.of(
                "quarkus.rest-client.consent.url", "http://localhost:8084",
                "quarkus.rest-client.\"org.kmcr.common.consent.ConsentApi\".url", "http://localhost:8084",
                "quarkus.rest-client.\"org.kmcr.common.audit.AuditApi\".url", "http://localhost:8085");
        assertEquals(List.of("quarkus.rest-client.\"org.kmcr.common.audit.AuditApi\".url",
                "quarkus.rest-client.consent.url"), plainHttpIn(config));
    }

    @Test
    void acceptsHttpsAndLeavesOtherSettingsAlone() {
        assertEquals(List.of(), plainHttpIn(Map.of(
                "quarkus.oidc.auth-server-url", "https://keycloak.example/realms/kmcr",
                "quarkus.oidc-client.auth-server-url", "https://keycloak.example/realms/kmcr",
                "quarkus.rest-client.identity.url", "https://identity.kmcr.svc:8443",
                "kmcr.docs.url", "http://example.org/docs",
                "%test.quarkus.oidc-client.token-path", "http://localhost:1/token",
                "quarkus.oidc.auth-server-url.unrelated", "http://x")));
    }

    @Test
    void anEmptyOrAbsentUrlIsNotPlainHttp() {
        assertEquals(List.of(), plainHttpIn(Map.of("quarkus.oidc.auth-server-url", "")));
        assertEquals(List.of(), PlainHttpGuard.plainHttpSettings(List.of("quarkus.rest-client.audit.url"),
                name -> Optional.empty()));
    }
}
