package org.kmcr.consent.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.kmcr.consent.rest.ConsentFixtures.CLINICIAN_SEES;
import static org.kmcr.consent.rest.ConsentFixtures.LONG_AGO;
import static org.kmcr.consent.rest.ConsentFixtures.PRIVACY_OFFICER;
import static org.kmcr.consent.rest.ConsentFixtures.REASON;
import static org.kmcr.consent.rest.ConsentFixtures.decide;
import static org.kmcr.consent.rest.ConsentFixtures.decisionRequest;
import static org.kmcr.consent.rest.ConsentFixtures.newOrgCode;
import static org.kmcr.consent.rest.ConsentFixtures.partner;
import static org.kmcr.consent.rest.ConsentFixtures.staff;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kmcr.common.testing.KmcrTestEnvironment;
import org.kmcr.common.testing.TestNhsNumbers;
import org.kmcr.common.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(KmcrTestEnvironment.class)
class BreakGlassReviewResourceTest {

    static final String CLINICIAN = TestTokens.user("dr", "clinician", "RKM");

    static String breakGlass(String org, UUID person, String nhsNumber) {
        partner(org, LONG_AGO, null);
        return decide(decisionRequest(person, nhsNumber, staff("clinician", org), "  " + REASON + "  "))
                .statusCode(200).body("decision", equalTo("permit")).body("basis", equalTo("break-glass"))
                .body("obligations", equalTo(List.of("alert-privacy-officer")))
                .body("categories", equalTo(CLINICIAN_SEES))
                .body("breakGlassReviewId", notNullValue()).extract().path("breakGlassReviewId");
    }

    static io.restassured.response.ValidatableResponse close(String id, String outcome, String note) {
        return given().auth().oauth2(PRIVACY_OFFICER).contentType(ContentType.JSON)
                .body(Map.of("outcome", outcome, "note", note))
                .post("/api/break-glass-reviews/" + id + "/outcome").then();
    }

    @Test
    void aBreakGlassAccessIsQueuedForAPrivacyOfficerWhoJudgesItOnce() {
        String org = newOrgCode();
        UUID person = UUID.randomUUID();
        String nhsNumber = TestNhsNumbers.next();
        String id = breakGlass(org, person, nhsNumber);

        String path = "find { it.id == '" + id + "' }";
        given().auth().oauth2(PRIVACY_OFFICER).queryParam("status", "open").get("/api/break-glass-reviews")
                .then().statusCode(200)
                .body(path + ".status", equalTo("open")).body(path + ".reason", equalTo(REASON))
                .body(path + ".personId", equalTo(person.toString())).body(path + ".nhsNumber", equalTo(nhsNumber))
                .body(path + ".orgCode", equalTo(org)).body(path + ".role", equalTo("clinician"))
                .body(path + ".userName", equalTo("Dr Tom Reed")).body(path + ".occurredAt", notNullValue());

        close(id, "appropriate", "Patient was brought in unconscious").statusCode(200)
                .body("status", equalTo("closed")).body("outcome", equalTo("appropriate"))
                .body("reviewNote", equalTo("Patient was brought in unconscious"))
                .body("reviewer", notNullValue()).body("reviewedAt", notNullValue());

        given().auth().oauth2(PRIVACY_OFFICER).queryParam("status", "open").get("/api/break-glass-reviews")
                .then().statusCode(200).body("id", not(hasItem(id)));
        given().auth().oauth2(PRIVACY_OFFICER).queryParam("status", "closed").get("/api/break-glass-reviews")
                .then().statusCode(200).body("id", hasItem(id));

        close(id, "inappropriate", "Changing my mind").statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(PRIVACY_OFFICER).get("/api/break-glass-reviews").then()
                .body(path + ".outcome", equalTo("appropriate"));
    }

    @Test
    void reviewsAreListedNewestFirst() {
        String first = breakGlass(newOrgCode(), UUID.randomUUID(), null);
        String second = breakGlass(newOrgCode(), UUID.randomUUID(), null);
        List<String> ids = given().auth().oauth2(PRIVACY_OFFICER).queryParam("status", "open")
                .get("/api/break-glass-reviews").then().statusCode(200).extract().path("id");
        org.junit.jupiter.api.Assertions.assertTrue(ids.indexOf(second) < ids.indexOf(first), ids.toString());
    }

    @Test
    void closingAnUnknownReviewIsNotFound() {
        close(UUID.randomUUID().toString(), "appropriate", "n/a").statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void anOutcomeMustBeAppropriateOrInappropriate() {
        String id = breakGlass(newOrgCode(), UUID.randomUUID(), null);
        close(id, "fine", "ok").statusCode(400).body("errors.field", equalTo(List.of("outcome")));
    }

    @Test
    void reviewsAreForPrivacyOfficersOnly() {
        String id = breakGlass(newOrgCode(), UUID.randomUUID(), null);
        given().get("/api/break-glass-reviews").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(CLINICIAN).get("/api/break-glass-reviews").then().statusCode(403);
        given().auth().oauth2(ConsentFixtures.SERVICE).get("/api/break-glass-reviews").then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("outcome", "appropriate"))
                .post("/api/break-glass-reviews/" + id + "/outcome").then().statusCode(401);
        given().auth().oauth2(CLINICIAN).contentType(ContentType.JSON).body(Map.of("outcome", "appropriate"))
                .post("/api/break-glass-reviews/" + id + "/outcome").then().statusCode(403);
        given().auth().oauth2(PRIVACY_OFFICER).queryParam("status", "pending").get("/api/break-glass-reviews")
                .then().statusCode(400).body("errors.field", equalTo(List.of("status")));
    }
}
