package org.kmcr.systemtests.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.kmcr.systemtests.stack.Keycloak;

/** Client-credentials tokens of partner systems, fetched once and renewed well before they expire (15 min). */
final class SenderTokens {

    private static final Duration RENEW_AFTER = Duration.ofMinutes(5);

    private final Keycloak keycloak;
    private final Map<String, Token> tokens = new HashMap<>();

    SenderTokens(Keycloak keycloak) {
        this.keycloak = keycloak;
    }

    String forClient(String clientId) {
        Token token = tokens.get(clientId);
        if (token == null || token.fetchedAt().plus(RENEW_AFTER).isBefore(Instant.now())) {
            token = new Token(keycloak.clientCredentials(clientId), Instant.now());
            tokens.put(clientId, token);
        }
        return token.value();
    }

    private record Token(String value, Instant fetchedAt) {
    }
}
