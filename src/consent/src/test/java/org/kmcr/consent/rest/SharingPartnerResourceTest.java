package org.kmcr.consent.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.kmcr.consent.rest.ConsentFixtures.PRIVACY_OFFICER;
import static org.kmcr.consent.rest.ConsentFixtures.newOrgCode;
import static org.kmcr.consent.rest.ConsentFixtures.partnerBody;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kmcr.common.testing.KmcrTestEnvironment;
import org.kmcr.common.testing.TestNhsNumbers;
import org.kmcr.common.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(KmcrTestEnvironment.class)
class SharingPartnerResourceTest extends AuditedResourceTest {

    static io.restassured.response.ValidatableResponse put(String token, String odsCode, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .put("/api/sharing-partners/" + odsCode).then();
    }

    @Test
    void aPrivacyOfficerRegistersThenUpdatesAPartner() {
        String org = newOrgCode();
        put(PRIVACY_OFFICER, org, partnerBody("Kent Community Trust", "2026-01-01", null)).statusCode(201)
                .header("Location", endsWith("/api/sharing-partners/" + org))
                .body("odsCode", equalTo(org)).body("inForce", equalTo(true));
        put(PRIVACY_OFFICER, org, partnerBody("Kent Community Health Trust", "2026-01-01", null)).statusCode(200)
                .body("name", equalTo("Kent Community Health Trust"));
        given().auth().oauth2(TestTokens.user("dr", "clinician", "RKM")).get("/api/sharing-partners/" + org)
                .then().statusCode(200).body("name", equalTo("Kent Community Health Trust"))
                .body("kind", equalTo("acute-trust")).body("agreementSignedOn", equalTo("2026-01-01"));
    }

    @Test
    void noServiceMayRegisterPartnersAndEveryChangeIsAudited() {
        for (String service : List.of(ConsentFixtures.RECORD, ConsentFixtures.INGEST, TestTokens.service("kmcr-audit"),
                TestTokens.partner("partner-rkm-pas", "RKM"))) {
            put(service, newOrgCode(), partnerBody("Medway GP", "2026-01-01", null)).statusCode(403);
        }
        String org = newOrgCode();
        put(PRIVACY_OFFICER, org, partnerBody("Medway GP", "2026-01-01", null)).statusCode(201);
        assertEquals(List.of("consent.partner.update"), auditedActions());
        assertEquals("QKM", audited.get(0).actor().orgCode());
    }

    @Test
    void aRegistrationAuthorityIsAKindOfPartner() {
        put(PRIVACY_OFFICER, newOrgCode(), partnerBody("NHS England (PDS)", "registration-authority", "2026-01-01",
                null)).statusCode(201).body("kind", equalTo("registration-authority"));
    }

    @Test
    void aWithdrawnPartnerIsListedButNotInForce() {
        String org = newOrgCode();
        put(PRIVACY_OFFICER, org, partnerBody("Leaving Trust", "2020-01-01", "2021-01-01")).statusCode(201)
                .body("inForce", equalTo(false));
        String path = "find { it.odsCode == '" + org + "' }";
        given().auth().oauth2(TestTokens.user("sw", "social-worker", "KCC")).get("/api/sharing-partners").then()
                .statusCode(200).body(path + ".withdrawnOn", equalTo("2021-01-01"))
                .body(path + ".inForce", equalTo(false));
    }

    @Test
    void invalidPartnersAreRefusedWithTheirFields() {
        put(PRIVACY_OFFICER, newOrgCode(), partnerBody("Backwards Trust", "2026-01-01", "2025-12-31")).statusCode(400)
                .contentType("application/problem+json").body("errors.field", equalTo(List.of("withdrawnOn")));
        put(PRIVACY_OFFICER, newOrgCode(), Map.of("kind", "hospital")).statusCode(400)
                .body("errors.field", equalTo(List.of("agreementSignedOn", "kind", "name")));
        put(PRIVACY_OFFICER, "rkm", partnerBody("Lower case", "2026-01-01", null)).statusCode(400)
                .body("errors.field", equalTo(List.of("odsCode")));
    }

    @Test
    void anUnknownPartnerIsNotFound() {
        given().auth().oauth2(PRIVACY_OFFICER).get("/api/sharing-partners/" + newOrgCode()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void onlyPrivacyOfficersRegisterPartners() {
        String org = newOrgCode();
        given().contentType(ContentType.JSON).body(partnerBody("X", "2026-01-01", null))
                .put("/api/sharing-partners/" + org).then().statusCode(401).contentType("application/problem+json");
        put(TestTokens.user("dr", "clinician", org), org, partnerBody("Self-registered", "2026-01-01", null))
                .statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(PRIVACY_OFFICER).get("/api/sharing-partners/" + org).then().statusCode(404);
    }

    @Test
    void theListIsForStaffAndPartnerReadersNotCitizensOrAnonymousCallers() {
        given().get("/api/sharing-partners").then().statusCode(401);
        given().auth().oauth2(TestTokens.patient("mary", TestNhsNumbers.next())).get("/api/sharing-partners")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.user("an", "analyst", "QKM")).get("/api/sharing-partners")
                .then().statusCode(403);
        given().auth().oauth2(ConsentFixtures.INGEST).get("/api/sharing-partners").then().statusCode(200);
        given().auth().oauth2(TestTokens.service("kmcr-audit")).get("/api/sharing-partners").then().statusCode(200);
        given().auth().oauth2(ConsentFixtures.RECORD).get("/api/sharing-partners").then().statusCode(403);
    }
}
