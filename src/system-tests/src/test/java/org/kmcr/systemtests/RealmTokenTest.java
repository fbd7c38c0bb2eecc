package org.kmcr.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kmcr.systemtests.stack.DemoRegion;
import org.kmcr.systemtests.stack.Keycloak;
import org.kmcr.systemtests.stack.Stack;

/**
 * The shipped realm, as the real Keycloak runs it: it issues the claims the services rely on (organisation,
 * CIS2-shaped role, audience), takes its client secrets from the environment, lets nobody rename themselves and
 * locks out password guessing.
 */
class RealmTokenTest {

    static final String KEYCLOAK_URL = "http://localhost:" + Stack.KEYCLOAK_PORT;
    /** Keycloak's own account console client, where a user would edit their profile. */
    static final String ACCOUNT_CONSOLE = "account-console";
    static final String PROBE_PASSWORD = "probe-password-1";
    static final Map<String, String> CREATED = new ConcurrentHashMap<>();

    @BeforeAll
    static void theSystemRuns() {
        assertNotNull(SystemUnderTest.STACK);
    }

    @Test
    void aStaffTokenCarriesTheOrganisationAndTheCis2ShapedRole() {
        JsonNode claims = Keycloak.claims(SystemUnderTest.KEYCLOAK.login(DemoRegion.GP_CLINICIAN));
        assertEquals(DemoRegion.GP_PRACTICE, claims.path("org_code").asText());
        assertTrue(claims.path("aud").toString().contains("kmcr-api"), claims.path("aud").toString());
        assertEquals("clinician", claims.path("realm_access").path("roles").path(0).asText());
        JsonNode profile = claims.path("nhsid_nrbac_roles").path(0);
        assertEquals(claims.path("selected_roleid").asText(), profile.path("person_roleid").asText());
        assertEquals("S8000:G8000:R8000", profile.path("role_code").asText());
        assertEquals(DemoRegion.GP_PRACTICE, profile.path("org_code").asText());
    }

    @Test
    void aCitizenTokenCarriesTheirNhsNumberAndNoOrganisation() {
        JsonNode claims = Keycloak.claims(SystemUnderTest.KEYCLOAK.login(DemoRegion.CITIZEN));
        assertEquals(DemoRegion.CITIZEN_NHS_NUMBER, claims.path("nhs_number").asText());
        assertTrue(claims.path("org_code").isMissingNode());
        assertEquals("patient", claims.path("realm_access").path("roles").path(0).asText());
    }

    @Test
    void aPartnerSystemIsBoundToItsOrganisation() {
        JsonNode trust = Keycloak.claims(SystemUnderTest.KEYCLOAK.clientCredentials(DemoRegion.TRUST_PAS));
        assertEquals(DemoRegion.TRUST, trust.path("org_code").asText());
        assertEquals("partner-system", trust.path("realm_access").path("roles").path(0).asText());
        JsonNode gp = Keycloak.claims(SystemUnderTest.KEYCLOAK.clientCredentials(DemoRegion.GP_SYSTEM));
        assertEquals(DemoRegion.GP_PRACTICE, gp.path("org_code").asText());
    }

    @Test
    void theRegistrationAuthorityFeedIsBoundToX26() {
        JsonNode pds = Keycloak.claims(SystemUnderTest.KEYCLOAK.clientCredentials(DemoRegion.PDS));
        assertEquals(DemoRegion.REGISTRATION_AUTHORITY, pds.path("org_code").asText());
        assertEquals("partner-system", pds.path("realm_access").path("roles").path(0).asText());
    }

    @Test
    void clientSecretsComeFromTheEnvironmentNotFromTheRealmFile() {
        assertEquals(200, SystemUnderTest.KEYCLOAK.clientCredentialsStatus(DemoRegion.TRUST_PAS,
                DemoRegion.TRUST_PAS + Keycloak.DEMO_SECRET_SUFFIX));
        // the placeholder text of the shipped file is not a secret that works
        assertEquals(401, SystemUnderTest.KEYCLOAK.clientCredentialsStatus(DemoRegion.TRUST_PAS,
                "${KMCR_CLIENT_SECRET_PARTNER_RKM_PAS}"));
    }

    @Test
    void aUserCannotRenameThemselfInTheAccountConsole() {
        String location = createUser("rename.probe." + System.nanoTime());
        try {
            String token = SystemUnderTest.KEYCLOAK.login(ACCOUNT_CONSOLE, KEYCLOAK_URL + "/realms/kmcr/account/",
                    username(location), PROBE_PASSWORD);
            Response account = account(token).get();
            assertEquals(200, account.statusCode(), account.asString());
            Map<String, Object> renamed = new HashMap<>(account.jsonPath().getMap(""));
            renamed.put("firstName", "Impostor");
            renamed.put("lastName", "Renamed");
            Response update = account(token).contentType(ContentType.JSON).body(renamed).post();
            assertEquals(400, update.statusCode(), update.asString());
            assertEquals("Probe", account(token).get().jsonPath().getString("firstName"));
            assertEquals("User", account(token).get().jsonPath().getString("lastName"));
        } finally {
            deleteUser(location);
        }
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountEvenForTheRightOne() {
        String location = createUser("lockout.probe." + System.nanoTime());
        String username = username(location);
        try {
            SystemUnderTest.KEYCLOAK.login(username, PROBE_PASSWORD);
            for (int attempt = 0; attempt < 5; attempt++) {
                assertThrows(IllegalStateException.class, () -> SystemUnderTest.KEYCLOAK.login(username, "guess"));
            }
            assertThrows(IllegalStateException.class, () -> SystemUnderTest.KEYCLOAK.login(username, PROBE_PASSWORD));
        } finally {
            deleteUser(location);
        }
    }

    /** A throw-away user created as an administrator would (with the realm's default roles); returns its URL. */
    private static String createUser(String username) {
        String location = RestAssured.given().auth().oauth2(adminToken()).contentType(ContentType.JSON).body(Map.of(
                "username", username, "enabled", true, "firstName", "Probe", "lastName", "User",
                "email", username + "@kmcr.example", "emailVerified", true,
                "credentials", List.of(Map.of("type", "password", "value", PROBE_PASSWORD, "temporary", false))))
                .post(KEYCLOAK_URL + "/admin/realms/kmcr/users").then().statusCode(201).extract().header("Location");
        CREATED.put(location, username);
        return location;
    }

    private static String username(String location) {
        return CREATED.get(location);
    }

    private static void deleteUser(String location) {
        RestAssured.given().auth().oauth2(adminToken()).delete(location).then().statusCode(204);
    }

    private static String adminToken() {
        return RestAssured.given().formParams(Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", "admin", "password", "admin"))
                .post(KEYCLOAK_URL + "/realms/master/protocol/openid-connect/token").then().statusCode(200)
                .extract().path("access_token");
    }

    private static RequestSpecification account(String token) {
        return RestAssured.given().baseUri(KEYCLOAK_URL + "/realms/kmcr/account").auth().oauth2(token)
                .accept(ContentType.JSON);
    }
}
