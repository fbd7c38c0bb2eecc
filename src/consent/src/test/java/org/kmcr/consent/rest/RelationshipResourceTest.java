package org.kmcr.consent.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.kmcr.consent.rest.ConsentFixtures.LONG_AGO;
import static org.kmcr.consent.rest.ConsentFixtures.PRIVACY_OFFICER;
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

/** Privacy officers recording, ending and reading relationships: attributed, audited, never for their own org. */
@QuarkusTest
@QuarkusTestResource(KmcrTestEnvironment.class)
class RelationshipResourceTest extends AuditedResourceTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));

    static io.restassured.response.ValidatableResponse post(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/relationships").then();
    }

    static io.restassured.response.ValidatableResponse end(String id, LocalDate endsOn) {
        return given().auth().oauth2(PRIVACY_OFFICER).contentType(ContentType.JSON)
                .body(Map.of("endsOn", endsOn.toString())).post("/api/relationships/" + id + "/end").then();
    }

    @Test
    void anOfficerRecordsARelationshipAttributedToThemOnceWhileItIsCurrent() {
        UUID person = UUID.randomUUID();
        String org = newOrgCode();
        Map<String, Object> first = relationshipBody(person, org, "care-team");
        first.put("startedOn", "2026-01-01");
        first.put("note", "Agreed with the ward manager");
        String id = post(PRIVACY_OFFICER, first).statusCode(201)
                .header("Location", startsWith("http")).body("startedOn", equalTo("2026-01-01"))
                .body("assertedBy.orgCode", equalTo("QKM")).body("assertedBy.userId", notNullValue())
                .body("reason", equalTo("Agreed with the ward manager"))
                .body("active", equalTo(true)).extract().path("id");

        Map<String, Object> again = relationshipBody(person, org, "care-team");
        again.put("startedOn", "2025-01-01");
        post(PRIVACY_OFFICER, again).statusCode(200).body("id", equalTo(id)).body("startedOn", equalTo("2026-01-01"));

        given().auth().oauth2(PRIVACY_OFFICER).queryParam("personId", person).get("/api/relationships").then()
                .statusCode(200).body("$", hasSize(1)).body("[0].id", equalTo(id));
        given().auth().oauth2(PRIVACY_OFFICER).get("/api/relationships/" + id).then().statusCode(200)
                .body("orgCode", equalTo(org)).body("createdAt", notNullValue());
        assertEquals(List.of("consent.relationship.record", "consent.relationship.record",
                "consent.relationship.list", "consent.relationship.read"), auditedActions());
        assertEquals(person, audited.get(0).subjectPersonId());
        assertEquals("privacy-officer", audited.get(0).actor().role());
        assertEquals("QKM", audited.get(0).actor().orgCode());
    }

    @Test
    void anOfficerCannotGrantARelationshipToTheirOwnOrganisationNorSelfClaimForOthers() {
        post(PRIVACY_OFFICER, relationshipBody(UUID.randomUUID(), "QKM", "care-team")).statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("their own organisation"));
        post(PRIVACY_OFFICER, relationshipBody(UUID.randomUUID(), newOrgCode(), "self-claimed")).statusCode(403)
                .body("detail", containsString("professional themself"));
    }

    @Test
    void endingARelationshipEndsTheAccessItGaveAndItIsNeverReopened() {
        UUID person = UUID.randomUUID();
        String org = newOrgCode();
        partner(org, LONG_AGO, null);
        Map<String, Object> careTeam = relationshipBody(person, org, "care-team");
        careTeam.put("startedOn", LONG_AGO);
        String id = post(PRIVACY_OFFICER, careTeam).statusCode(201).extract().path("id");
        Map<String, Object> request = decisionRequest(person, null, staff("clinician", org), null);
        decide(request).body("effect", equalTo("permit")).body("relationshipKind", equalTo("care-team"));

        end(id, TODAY.minusDays(1)).statusCode(200).body("active", equalTo(false))
                .body("endsOn", equalTo(TODAY.minusDays(1).toString())).body("endedBy", containsString("QKM"));
        decide(request).body("effect", equalTo("deny")).body("reasonCode", equalTo("no-legitimate-relationship"));
        end(id, TODAY).statusCode(409).contentType("application/problem+json");

        String second = post(PRIVACY_OFFICER, careTeam).statusCode(201).body("startedOn", equalTo(TODAY.toString()))
                .extract().path("id");
        given().auth().oauth2(PRIVACY_OFFICER).queryParam("personId", person).get("/api/relationships").then()
                .body("$", hasSize(2)).body("find { it.id == '" + id + "' }.endsOn",
                        equalTo(TODAY.minusDays(1).toString()))
                .body("find { it.id == '" + second + "' }.active", equalTo(true));
    }

    @Test
    void endingAnUnknownRelationshipIsNotFoundAndAnEndBeforeTheStartIsAConflict() {
        end(UUID.randomUUID().toString(), TODAY).statusCode(404).contentType("application/problem+json");
        Map<String, Object> body = relationshipBody(UUID.randomUUID(), newOrgCode(), "care-team");
        body.put("startedOn", TODAY.toString());
        String id = post(PRIVACY_OFFICER, body).statusCode(201).extract().path("id");
        end(id, TODAY.minusDays(3)).statusCode(409).body("detail", containsString("before it started"));
    }

    @Test
    void invalidRelationshipsAreRefusedWithTheirFields() {
        Map<String, Object> backwards = relationshipBody(UUID.randomUUID(), newOrgCode(), "care-team");
        backwards.put("startedOn", "2026-02-01");
        backwards.put("endsOn", "2026-01-31");
        post(PRIVACY_OFFICER, backwards).statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("before it starts"));
        post(PRIVACY_OFFICER, Map.of("orgCode", "rkm", "kind", "GP Registration")).statusCode(400)
                .body("errors.field", equalTo(List.of("kind", "orgCode", "personId")));
    }

    @Test
    void relationshipsAreForPrivacyOfficersOnly() {
        UUID person = UUID.randomUUID();
        Map<String, Object> body = relationshipBody(person, newOrgCode(), "care-team");
        given().contentType(ContentType.JSON).body(body).post("/api/relationships").then().statusCode(401)
                .contentType("application/problem+json");
        for (String token : List.of(TestTokens.user("dr", "clinician", "RKM"), ConsentFixtures.INGEST,
                ConsentFixtures.RECORD)) {
            post(token, body).statusCode(403).contentType("application/problem+json");
            given().auth().oauth2(token).queryParam("personId", person).get("/api/relationships").then()
                    .statusCode(403);
            given().auth().oauth2(token).queryParam("personId", person).get("/api/relationships/unverified").then()
                    .statusCode(403);
        }
        given().queryParam("personId", person).get("/api/relationships").then().statusCode(401);
        given().auth().oauth2(PRIVACY_OFFICER).queryParam("personId", person).get("/api/relationships").then()
                .statusCode(200).body("$", hasSize(0));
    }
}
