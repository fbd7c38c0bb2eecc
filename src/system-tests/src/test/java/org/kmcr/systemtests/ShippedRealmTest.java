package org.kmcr.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.kmcr.common.security.Roles;
import org.kmcr.common.testing.TestTokens;
import org.kmcr.systemtests.stack.DemoRealm;
import org.kmcr.systemtests.stack.DemoRegion;
import org.kmcr.systemtests.stack.Keycloak;

/**
 * The realm shipped for production ({@code k8s/keycloak/kmcr-realm.json}) holds no people and no secrets, requires
 * TLS, locks out password guessing and keeps names out of users' hands; the local run and the tests add the demo
 * people and secrets themselves. (RealmTokenTest shows the real Keycloak doing what this file says.)
 */
class ShippedRealmTest {

    static final Path ROOT = Path.of(System.getProperty("kmcr.root", "../..")).toAbsolutePath().normalize();
    static final Path SHIPPED = ROOT.resolve("k8s/keycloak/kmcr-realm.json");
    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode shipped() throws IOException {
        return JSON.readTree(SHIPPED.toFile());
    }

    @Test
    void theOnlyUsersAreTheServiceAccountsOfItsClients() throws IOException {
        for (JsonNode user : shipped().path("users")) {
            assertTrue(user.hasNonNull("serviceAccountClientId"), user.path("username") + " is a person");
            assertFalse(user.has("credentials"), user.path("username") + " has a credential");
        }
    }

    @Test
    void noClientUsesThePasswordGrantAndTheDemoCliIsNotShipped() throws IOException {
        for (JsonNode client : shipped().path("clients")) {
            assertFalse(client.path("directAccessGrantsEnabled").asBoolean(), client.path("clientId").asText());
            assertFalse("kmcr-cli".equals(client.path("clientId").asText()));
        }
    }

    @Test
    void everyClientSecretIsAPlaceholderFilledFromTheEnvironment() throws IOException {
        String text = Files.readString(SHIPPED);
        assertFalse(text.contains(Keycloak.DEMO_SECRET_SUFFIX), "a demo secret is in the shipped realm");
        List<String> confidential = new ArrayList<>();
        for (JsonNode client : shipped().path("clients")) {
            if (!client.path("publicClient").asBoolean()) {
                String id = client.path("clientId").asText();
                confidential.add(id);
                assertEquals("${KMCR_CLIENT_SECRET_" + id.toUpperCase().replace('-', '_') + "}",
                        client.path("secret").asText(), id);
            }
        }
        assertTrue(confidential.containsAll(List.of("kmcr-ingest", "kmcr-record", DemoRegion.TRUST_PAS,
                DemoRegion.GP_SYSTEM, DemoRegion.PDS)), confidential.toString());
    }

    @Test
    void tlsIsRequiredForEveryClientAndPasswordGuessingLocksTheAccount() throws IOException {
        JsonNode realm = shipped();
        assertEquals("all", realm.path("sslRequired").asText());
        assertTrue(realm.path("bruteForceProtected").asBoolean());
        assertTrue(realm.path("failureFactor").asInt() > 0 && realm.path("failureFactor").asInt() <= 10);
        // a temporary lockout, so that an attacker cannot lock staff out for good
        assertFalse(realm.path("permanentLockout").asBoolean());
        assertTrue(realm.path("waitIncrementSeconds").asInt() >= 60);
    }

    @Test
    void usersCannotEditTheirNamesOrUsername() throws IOException {
        JsonNode realm = shipped();
        assertFalse(realm.path("editUsernameAllowed").asBoolean());
        JsonNode profile = JSON.readTree(realm.path("components").path("org.keycloak.userprofile.UserProfileProvider")
                .path(0).path("config").path("kc.user.profile.config").path(0).asText());
        Map<String, String> editors = new TreeMap<>();
        profile.path("attributes").forEach(attribute -> editors.put(attribute.path("name").asText(),
                attribute.path("permissions").path("edit").toString()));
        for (String attribute : List.of("username", "firstName", "lastName", "org_code", "selected_roleid",
                "nhsid_nrbac_roles", "nhs_number")) {
            assertEquals("[\"admin\"]", editors.get(attribute), attribute);
        }
    }

    @Test
    void theServiceAccountsCarryExactlyTheirServicePermissions() throws IOException {
        Map<String, Set<String>> shippedRoles = new TreeMap<>();
        for (JsonNode user : shipped().path("users")) {
            Set<String> roles = new TreeSet<>();
            user.path("realmRoles").forEach(role -> roles.add(role.asText()));
            shippedRoles.put(user.path("serviceAccountClientId").asText(), roles);
        }
        TestTokens.SERVICE_PERMISSIONS.forEach((client, roles) ->
                assertEquals(new TreeSet<>(roles), shippedRoles.get(client), client));
        for (String partner : List.of(DemoRegion.TRUST_PAS, DemoRegion.GP_SYSTEM, DemoRegion.PDS)) {
            assertEquals(Set.of(Roles.PARTNER_SYSTEM), shippedRoles.get(partner), partner);
        }
    }

    @Test
    void theRegistrationAuthorityFeedIsBoundToX26() throws IOException {
        JsonNode pds = null;
        for (JsonNode client : shipped().path("clients")) {
            if (DemoRegion.PDS.equals(client.path("clientId").asText())) {
                pds = client;
            }
        }
        assertTrue(pds != null && pds.path("serviceAccountsEnabled").asBoolean(), "no client " + DemoRegion.PDS);
        List<String> orgCodes = new ArrayList<>();
        pds.path("protocolMappers").forEach(mapper -> {
            if ("org_code".equals(mapper.path("config").path("claim.name").asText())) {
                orgCodes.add(mapper.path("config").path("claim.value").asText());
            }
        });
        assertEquals(List.of(DemoRegion.REGISTRATION_AUTHORITY), orgCodes);
    }

    @Test
    void theDemoRealmAddsThePeopleTheCliAndTheirSecretsButNothingElse() throws IOException {
        DemoRealm demo = DemoRealm.from(SHIPPED);
        Set<String> people = new TreeSet<>();
        demo.json().path("users").forEach(user -> {
            if (!user.has("serviceAccountClientId")) {
                people.add(user.path("username").asText());
            }
        });
        assertEquals(new TreeSet<>(List.of(DemoRegion.GP_CLINICIAN, DemoRegion.HOSPITAL_CLINICIAN,
                DemoRegion.SOCIAL_WORKER, DemoRegion.OUTSIDER_CLINICIAN, DemoRegion.PRIVACY_OFFICER,
                DemoRegion.ANALYST, DemoRegion.PLATFORM_OPERATOR, DemoRegion.CITIZEN)), people);
        assertEquals("external", demo.json().path("sslRequired").asText());
        assertEquals(shipped().path("clients").size() + 1, demo.json().path("clients").size());
        assertEquals(shipped().path("roles"), demo.json().path("roles"));
        Map<String, String> secrets = demo.demoSecretEnvironment();
        assertEquals("partner-pds-demo-secret", secrets.get("KMCR_CLIENT_SECRET_PARTNER_PDS"));
        assertEquals("kmcr-ingest-demo-secret", secrets.get("KMCR_CLIENT_SECRET_KMCR_INGEST"));
    }
}
