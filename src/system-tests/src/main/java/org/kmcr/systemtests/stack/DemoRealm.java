package org.kmcr.systemtests.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The realm Keycloak imports for the local run and the end-to-end suite: the shipped production realm
 * ({@code k8s/keycloak/kmcr-realm.json}, no people, no secrets) with the demo overlay merged in (the demo users, the
 * password-grant {@code kmcr-cli} client, {@code sslRequired: external} for plain http on localhost), and the demo
 * secrets ({@code <clientId>-demo-secret}) for Keycloak's environment, which fills the realm's secret placeholders.
 */
public final class DemoRealm {

    static final String OVERLAY = "/demo-realm/kmcr-demo-overlay.json";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode realm;

    private DemoRealm(ObjectNode realm) {
        this.realm = realm;
    }

    /** The shipped realm at the given path with the demo overlay merged in. */
    public static DemoRealm from(Path shippedRealm) {
        try (InputStream overlay = DemoRealm.class.getResourceAsStream(OVERLAY)) {
            if (overlay == null) {
                throw new IllegalStateException(OVERLAY + " is not on the classpath");
            }
            ObjectNode realm = (ObjectNode) JSON.readTree(shippedRealm.toFile());
            merge(realm, (ObjectNode) JSON.readTree(overlay));
            requireUnique(realm, "clients", "clientId");
            requireUnique(realm, "users", "username");
            return new DemoRealm(realm);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the realm " + shippedRealm, e);
        }
    }

    public JsonNode json() {
        return realm;
    }

    /** Writes the merged realm where Keycloak's {@code --import-realm} reads it. */
    public void writeTo(Path importFile) {
        try {
            Files.createDirectories(importFile.getParent());
            JSON.writerWithDefaultPrettyPrinter().writeValue(importFile.toFile(), realm);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For each client secret placeholder {@code ${VAR}} in the realm: VAR and that client's demo secret. */
    public Map<String, String> demoSecretEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode client : realm.path("clients")) {
            Matcher placeholder = PLACEHOLDER.matcher(client.path("secret").asText(""));
            if (placeholder.matches()) {
                env.put(placeholder.group(1), client.path("clientId").asText() + Keycloak.DEMO_SECRET_SUFFIX);
            }
        }
        return env;
    }

    /** Objects merge field by field, arrays are appended to, anything else the overlay sets replaces the value. */
    private static void merge(ObjectNode target, ObjectNode overlay) {
        overlay.fields().forEachRemaining(field -> {
            JsonNode existing = target.get(field.getKey());
            if (existing instanceof ObjectNode object && field.getValue() instanceof ObjectNode addition) {
                merge(object, addition);
            } else if (existing instanceof ArrayNode array && field.getValue() instanceof ArrayNode addition) {
                array.addAll(addition);
            } else {
                target.set(field.getKey(), field.getValue());
            }
        });
    }

    private static void requireUnique(ObjectNode realm, String array, String key) {
        Set<String> seen = new HashSet<>();
        for (JsonNode entry : realm.path(array)) {
            if (!seen.add(entry.path(key).asText())) {
                throw new IllegalStateException("The demo overlay adds " + array + " " + entry.path(key).asText()
                        + ", which the shipped realm already has");
            }
        }
    }
}
