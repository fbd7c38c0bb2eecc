package org.kmcr.consent.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.kmcr.consent.rest.ConsentFixtures.LONG_AGO;
import static org.kmcr.consent.rest.ConsentFixtures.PRIVACY_OFFICER;
import static org.kmcr.consent.rest.ConsentFixtures.SERVICE;
import static org.kmcr.consent.rest.ConsentFixtures.decide;
import static org.kmcr.consent.rest.ConsentFixtures.decisionRequest;
import static org.kmcr.consent.rest.ConsentFixtures.newOrgCode;
import static org.kmcr.consent.rest.ConsentFixtures.partner;
import static org.kmcr.consent.rest.ConsentFixtures.relationshipBody;
import static org.kmcr.consent.rest.ConsentFixtures.staff;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kmcr.common.testing.KmcrTestEnvironment;
import org.kmcr.common.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(KmcrTestEnvironment.class)
class RelationshipResourceTest {

    static io.restassured.response.ValidatableResponse post(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/relationships").then();
    }

    @Test
    void recordingTheSameRelationshipTwiceKeepsOneAndUpdatesIt() {
        UUID person = UUID.randomUUID();
        String org = newOrgCode();
        Map<String, Object> first = relationshipBody(person, org, "gp-registration", "GP extract 2026-01-01");
        first.put("startedOn", "2026-01-01");
        String id = post(SERVICE, first).statusCode(201)
                .header("Location", startsWith("http")).body("startedOn", equalTo("2026-01-01"))
                .body("active", equalTo(true)).extract().path("id");

        Map<String, Object> again = relationshipBody(person, org, "gp-registration", "GP extract 2026-02-01");
        again.put("endsOn", "2027-01-31");
        post(SERVICE, again).statusCode(200).body("id", equalTo(id))
                .body("source", equalTo("GP extract 2026-02-01"))
                .body("startedOn", equalTo("2026-01-01")).body("endsOn", equalTo("2027-01-31"));

        given().auth().oauth2(SERVICE).queryParam("personId", person).get("/api/relationships").then()
                .statusCode(200).body("$", hasSize(1)).body("[0].id", equalTo(id))
                .body("[0].source", equalTo("GP extract 2026-02-01"));
        given().auth().oauth2(PRIVACY_OFFICER).get("/api/relationships/" + id).then().statusCode(200)
                .body("orgCode", equalTo(org)).body("createdAt", notNullValue());
    }

    @Test
    void aNewRelationshipWithoutAStartDateStartsTodayAndGivesAccess() {
        UUID person = UUID.randomUUID();
        String org = newOrgCode();
        partner(org, LONG_AGO, null);
        post(PRIVACY_OFFICER, relationshipBody(person, org, "self-claimed", "claimed by Dr Reed")).statusCode(201)
                .body("startedOn", notNullValue()).body("active", equalTo(true));
        decide(decisionRequest(person, null, staff("clinician", org), null)).statusCode(200)
                .body("decision", equalTo("permit")).body("basis", equalTo("self-claimed"))
                .body("obligations", equalTo(List.of("alert-privacy-officer")));
    }

    @Test
    void endingARelationshipEndsTheAccessItGave() {
        UUID person = UUID.randomUUID();
        String org = newOrgCode();
        partner(org, LONG_AGO, null);
        Map<String, Object> referral = relationshipBody(person, org, "referral", "e-RS");
        referral.put("startedOn", LONG_AGO);
        post(SERVICE, referral).statusCode(201);
        Map<String, Object> request = decisionRequest(person, null, staff("clinician", org), null);
        decide(request).body("decision", equalTo("permit")).body("basis", equalTo("referral"));

        referral.put("endsOn", LocalDate.now(ZoneId.of("Europe/London")).minusDays(1).toString());
        post(SERVICE, referral).statusCode(200).body("active", equalTo(false));
        decide(request).body("decision", equalTo("deny")).body("basis", equalTo("no-legitimate-relationship"));
    }

    @Test
    void invalidRelationshipsAreRefusedWithTheirFields() {
        Map<String, Object> backwards = relationshipBody(UUID.randomUUID(), newOrgCode(), "care-team", "feed");
        backwards.put("startedOn", "2026-02-01");
        backwards.put("endsOn", "2026-01-31");
        post(SERVICE, backwards).statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("endsOn")));
        post(SERVICE, Map.of("orgCode", "rkm", "kind", "GP Registration")).statusCode(400)
                .body("errors.field", equalTo(List.of("kind", "orgCode", "personId", "source")));
    }

    @Test
    void relationshipsAreForServicesAndPrivacyOfficersOnly() {
        UUID person = UUID.randomUUID();
        Map<String, Object> body = relationshipBody(person, newOrgCode(), "care-team", "feed");
        given().contentType(ContentType.JSON).body(body).post("/api/relationships").then().statusCode(401)
                .contentType("application/problem+json");
        post(TestTokens.user("dr", "clinician", "RKM"), body).statusCode(403).contentType("application/problem+json");
        given().queryParam("personId", person).get("/api/relationships").then().statusCode(401);
        given().auth().oauth2(TestTokens.user("dr", "clinician", "RKM")).queryParam("personId", person)
                .get("/api/relationships").then().statusCode(403);
        given().auth().oauth2(PRIVACY_OFFICER).queryParam("personId", person).get("/api/relationships").then()
                .statusCode(200).body("$", hasSize(0));
    }
}
