package org.kmcr.consent.rest;

import static org.kmcr.consent.rest.ConsentFixtures.AUDIT_AND_ALERT;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.kmcr.consent.rest.ConsentFixtures.LONG_AGO;
import static org.kmcr.consent.rest.ConsentFixtures.PRIVACY_OFFICER;
import static org.kmcr.consent.rest.ConsentFixtures.RECORD;
import static org.kmcr.consent.rest.ConsentFixtures.decide;
import static org.kmcr.consent.rest.ConsentFixtures.decisionRequest;
import static org.kmcr.consent.rest.ConsentFixtures.newOrgCode;
import static org.kmcr.consent.rest.ConsentFixtures.partner;
import static org.kmcr.consent.rest.ConsentFixtures.relationship;
import static org.kmcr.consent.rest.ConsentFixtures.staff;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kmcr.common.testing.KmcrTestEnvironment;
import org.kmcr.common.testing.TestTokens;

/** A professional's own claim of a relationship: time-limited, attributed, and every access on it alerts. */
@QuarkusTest
@QuarkusTestResource(KmcrTestEnvironment.class)
class SelfClaimResourceTest extends AuditedResourceTest {

    static final String REASON = "Community nurse visiting tomorrow";

    static ValidatableResponse claim(String token, UUID person, Map<String, Object> caller) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("personId", person, "caller", caller, "reason", REASON)).post("/api/self-claims").then();
    }

    @Test
    void aClaimGivesThirtyDaysOfAccessThatAlertsAPrivacyOfficer() {
        String org = newOrgCode();
        partner(org, LONG_AGO, null);
        UUID person = UUID.randomUUID();
        Map<String, Object> caller = staff("clinician", org);
        claim(RECORD, person, caller).statusCode(204);
        claim(RECORD, person, caller).statusCode(204);
        decide(decisionRequest(person, null, caller, null)).body("effect", equalTo("permit"))
                .body("basis", equalTo("self-claimed")).body("obligations", equalTo(AUDIT_AND_ALERT));
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        given().auth().oauth2(PRIVACY_OFFICER).queryParam("personId", person).get("/api/relationships").then()
                .body("$", hasSize(1)).body("[0].kind", equalTo("self-claimed"))
                .body("[0].endsOn", equalTo(today.plusDays(29).toString()))
                .body("[0].assertedBy.userId", equalTo(caller.get("userId"))).body("[0].reason", equalTo(REASON))
                .body("[0].recordedVia", equalTo("kmcr-record"));

        UUID auditEvent = UUID.randomUUID();
        ConsentFixtures.alert(auditEvent, person, null, caller, "self-claimed", null).statusCode(204);
        given().auth().oauth2(PRIVACY_OFFICER).get("/api/break-glass-reviews").then()
                .body("find { it.auditEventId == '" + auditEvent + "' }.reason", equalTo(REASON))
                .body("find { it.auditEventId == '" + auditEvent + "' }.basis", equalTo("self-claimed"));
    }

    @Test
    void aClaimIsRefusedToThoseTheRulesRefuseAndNeededByNobodyWithARelationship() {
        UUID person = UUID.randomUUID();
        claim(RECORD, person, staff("clinician", newOrgCode())).statusCode(403)
                .body("detail", containsString("is not a sharing partner"));
        String org = newOrgCode();
        partner(org, LONG_AGO, null);
        claim(RECORD, person, staff("analyst", org)).statusCode(403).body("detail", containsString("analyst"));
        relationship(person, org, "care-team");
        claim(RECORD, person, staff("clinician", org)).statusCode(204);
        given().auth().oauth2(PRIVACY_OFFICER).queryParam("personId", person).get("/api/relationships").then()
                .body("kind", equalTo(List.of("care-team")));
    }

    @Test
    void onlyRecordQueryPassesClaimsOn() {
        Map<String, Object> caller = staff("clinician", "RKM");
        for (String token : List.of(TestTokens.user("dr", "clinician", "RKM"), ConsentFixtures.INGEST,
                PRIVACY_OFFICER)) {
            claim(token, UUID.randomUUID(), caller).statusCode(403);
        }
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/self-claims").then().statusCode(401);
        given().auth().oauth2(RECORD).contentType(ContentType.JSON).body(Map.of("reason", "short"))
                .post("/api/self-claims").then().statusCode(400);
    }
}
