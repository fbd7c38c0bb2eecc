package org.kmcr.systemtests;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kmcr.systemtests.SystemUnderTest.KEYCLOAK;
import static org.kmcr.systemtests.SystemUnderTest.as;

import io.restassured.RestAssured;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kmcr.common.testing.TestNhsNumbers;
import org.kmcr.systemtests.stack.DemoRegion;
import org.kmcr.systemtests.stack.Keycloak;
import org.kmcr.systemtests.stack.ServiceSpec;

/**
 * Issue 5, item 3: least privilege between services. Each service client holds only what its calls need, and a
 * person's token never carries a service permission, even when a Keycloak administrator grants one by mistake.
 */
class ServicePermissionAttackTest {

    static final String KEYCLOAK_URL = "http://localhost:" + org.kmcr.systemtests.stack.Stack.KEYCLOAK_PORT;

    @Test
    void aPersonGrantedAServicePermissionInKeycloakStillCannotUseIt() {
        String username = "stolen-role-" + UUID.randomUUID().toString().substring(0, 8);
        createUserWithRoles(username, List.of("clinician", "access-decider", "audit-writer", "identity-reader"));
        String token = KEYCLOAK.login(username);
        assertTrue(Keycloak.claims(token).path("realm_access").path("roles").toString().contains("access-decider"),
                "the token does carry the role Keycloak was told to give");

        Map<String, Object> decision = Map.of("personId", UUID.randomUUID(), "action", "summary",
                "caller", Map.of("userId", "anyone", "roles", List.of("clinician"), "orgCode", DemoRegion.TRUST),
                "breakGlass", Map.of("reason", "emergency-care", "text", "Pretending to be record-query"));
        as(ServiceSpec.CONSENT, token).contentType("application/json").body(decision).post("/api/access-decisions")
                .then().statusCode(403);
        as(ServiceSpec.IDENTITY, token).queryParam("nhsNumber", DemoRegion.CITIZEN_NHS_NUMBER).get("/api/persons")
                .then().statusCode(403);
        as(ServiceSpec.AUDIT, token).contentType("application/json").body(Map.of()).post("/api/audit-events")
                .then().statusCode(403);
        // the same call with record-query's own token is answered
        as(ServiceSpec.CONSENT, KEYCLOAK.clientCredentials("kmcr-record")).contentType("application/json")
                .body(decision).post("/api/access-decisions").then().statusCode(200);
    }

    @Test
    void eachServiceClientHoldsOnlyWhatItsCallsNeed() {
        String nhs = TestNhsNumbers.next();
        Map<String, Object> resolve = Map.of("sourceOrg", "RKM", "sourceSystem", "pas", "localId", "x1",
                "nhsNumber", nhs);
        String ingest = KEYCLOAK.clientCredentials("kmcr-ingest");
        String record = KEYCLOAK.clientCredentials("kmcr-record");
        String audit = KEYCLOAK.clientCredentials("kmcr-audit");
        String consent = KEYCLOAK.clientCredentials("kmcr-consent");
        String identity = KEYCLOAK.clientCredentials("kmcr-identity");

        // record may find persons but not resolve them; ingest the other way round
        as(ServiceSpec.IDENTITY, record).contentType("application/json").body(resolve)
                .post("/api/source-identities/resolve").then().statusCode(403);
        as(ServiceSpec.IDENTITY, ingest).queryParam("nhsNumber", nhs).get("/api/persons").then().statusCode(403);
        // nobody but record asks for decisions; nobody but ingest asserts relationships; no service registers partners
        for (String token : List.of(ingest, audit, consent, identity)) {
            as(ServiceSpec.CONSENT, token).contentType("application/json").body(Map.of())
                    .post("/api/access-decisions").then().statusCode(403);
        }
        for (String token : List.of(record, audit, consent, identity)) {
            as(ServiceSpec.CONSENT, token).contentType("application/json").body(Map.of())
                    .post("/api/relationship-assertions").then().statusCode(403);
        }
        for (String token : List.of(ingest, record, audit, consent, identity)) {
            as(ServiceSpec.CONSENT, token).contentType("application/json")
                    .body(Map.of("name", "Rogue", "kind", "acute-trust", "agreementSignedOn", "2026-01-01"))
                    .put("/api/sharing-partners/RGE01").then().statusCode(403);
            as(ServiceSpec.AUDIT, token).get("/api/audit-verification").then().statusCode(403);
        }
        // the audit service, which only reads partner names, cannot write its own log through the API
        as(ServiceSpec.AUDIT, audit).contentType("application/json").body(Map.of()).post("/api/audit-events").then()
                .statusCode(403);
    }

    /** Creates a user in the kmcr realm with the demo password, as a Keycloak administrator would. */
    static void createUserWithRoles(String username, List<String> roles) {
        String admin = RestAssured.given().baseUri(KEYCLOAK_URL).contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", "admin")
                .post("/realms/master/protocol/openid-connect/token").then().statusCode(200)
                .extract().path("access_token");
        RestAssured.given().baseUri(KEYCLOAK_URL).auth().oauth2(admin).contentType("application/json")
                .body(Map.of("username", username, "enabled", true, "firstName", "Stolen", "lastName", "Role",
                        "email", username + "@example.nhs.uk", "emailVerified", true,
                        "attributes", Map.of("org_code", List.of(DemoRegion.TRUST)),
                        "credentials", List.of(Map.of("type", "password", "value", Keycloak.DEMO_PASSWORD,
                                "temporary", false))))
                .post("/admin/realms/kmcr/users").then().statusCode(201);
        String id = RestAssured.given().baseUri(KEYCLOAK_URL).auth().oauth2(admin).queryParam("username", username)
                .queryParam("exact", true).get("/admin/realms/kmcr/users").then().statusCode(200)
                .extract().path("[0].id");
        List<Map<String, Object>> realmRoles = roles.stream().map(role -> RestAssured.given().baseUri(KEYCLOAK_URL)
                .auth().oauth2(admin).get("/admin/realms/kmcr/roles/" + role).then().statusCode(200)
                .extract().<Map<String, Object>>path("")).toList();
        RestAssured.given().baseUri(KEYCLOAK_URL).auth().oauth2(admin).contentType("application/json").body(realmRoles)
                .post("/admin/realms/kmcr/users/" + id + "/role-mappings/realm").then().statusCode(204);
    }
}
