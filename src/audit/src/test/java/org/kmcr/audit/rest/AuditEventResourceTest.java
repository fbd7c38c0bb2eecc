package org.kmcr.audit.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import static org.mockito.Mockito.doReturn;

import io.quarkus.test.InjectMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kmcr.common.consent.ConsentClient;
import org.kmcr.common.testing.KmcrTestEnvironment;
import org.kmcr.common.testing.TestNhsNumbers;
import org.kmcr.common.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(KmcrTestEnvironment.class)
class AuditEventResourceTest {

    @InjectMock
    ConsentClient consent;

    @BeforeEach
    void consentKnowsThePartners() {
        doReturn(Uni.createFrom().item(Map.of("RKM", "Kingsmere University Hospitals NHS Trust")))
                .when(consent).organisationNames();
    }

    static final String SERVICE = TestTokens.service("kmcr-record");
    static final String PRIVACY_OFFICER = TestTokens.user("po", "privacy-officer", "QKM");

    static Map<String, Object> event(UUID id, String nhsNumber, String basis, String reason) {
        return Map.of("id", id, "occurredAt", Instant.now().toString(), "action", "record.summary.read",
                "outcome", "permitted", "purpose", "direct-care", "accessBasis", basis,
                "breakGlassReason", reason == null ? "" : reason, "subjectNhsNumber", nhsNumber,
                "categories", List.of("allergies", "medications"),
                "actor", Map.of("userId", "u-1", "displayName", "Dr Tom Reed", "role", "clinician",
                        "orgCode", "RKM", "roleCode", "S8000:G8000:R8000"));
    }

    static int append(Map<String, Object> event) {
        return given().auth().oauth2(SERVICE).contentType(ContentType.JSON).body(event)
                .post("/api/audit-events").then().statusCode(201)
                .body("hash", notNullValue()).extract().path("sequence");
    }

    @Test
    void aBatchIsAnsweredEventByEventInOrderAndIsSafeToSendAgain() {
        String nhsNumber = TestNhsNumbers.next();
        List<Map<String, Object>> events = List.of(event(UUID.randomUUID(), nhsNumber, "relationship", null),
                event(UUID.randomUUID(), nhsNumber, "relationship", null),
                event(UUID.randomUUID(), nhsNumber, "break-glass", "emergency-care: collapsed"));
        List<Map<String, Object>> first = given().auth().oauth2(SERVICE).contentType(ContentType.JSON).body(events)
                .post("/api/audit-events/batch").then().statusCode(200).body("", hasSize(3))
                .body("id", equalTo(events.stream().map(e -> e.get("id").toString()).toList()))
                .body("status", equalTo(java.util.Arrays.asList(null, null, null))).extract().path("receipt");
        assertEquals(List.of((int) first.get(0).get("sequence") + 1, (int) first.get(0).get("sequence") + 2),
                List.of(first.get(1).get("sequence"), first.get(2).get("sequence")));

        // sent again (the relay's retry after a lost answer), with one id reused for other content
        Map<String, Object> reused = new java.util.HashMap<>(events.get(2));
        reused.put("action", "record.timeline.read");
        given().auth().oauth2(SERVICE).contentType(ContentType.JSON).body(List.of(events.get(0), events.get(1), reused))
                .post("/api/audit-events/batch").then().statusCode(200)
                .body("receipt[0].sequence", equalTo(first.get(0).get("sequence")))
                .body("receipt[1].sequence", equalTo(first.get(1).get("sequence")))
                .body("[2].receipt", org.hamcrest.Matchers.nullValue()).body("[2].status", equalTo(409));
        given().auth().oauth2(PRIVACY_OFFICER).queryParam("nhsNumber", nhsNumber).get("/api/audit-events").then()
                .statusCode(200).body("", hasSize(3));
    }

    @Test
    void aBatchIsRefusedWhenEmptyTooLargeMalformedOrNotFromAService() {
        given().auth().oauth2(SERVICE).contentType(ContentType.JSON).body(List.of())
                .post("/api/audit-events/batch").then().statusCode(400).contentType("application/problem+json");
        List<Map<String, Object>> tooMany = java.util.stream.IntStream.range(0, AuditEventResource.MAX_BATCH + 1)
                .mapToObj(i -> event(UUID.randomUUID(), TestNhsNumbers.next(), "relationship", null)).toList();
        given().auth().oauth2(SERVICE).contentType(ContentType.JSON).body(tooMany)
                .post("/api/audit-events/batch").then().statusCode(400).contentType("application/problem+json");
        Map<String, Object> noAction = new java.util.HashMap<>(event(UUID.randomUUID(), TestNhsNumbers.next(),
                "relationship", null));
        noAction.remove("action");
        given().auth().oauth2(SERVICE).contentType(ContentType.JSON).body(List.of(noAction))
                .post("/api/audit-events/batch").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.user("dr", "clinician", "RKM")).contentType(ContentType.JSON)
                .body(List.of(event(UUID.randomUUID(), TestNhsNumbers.next(), "relationship", null)))
                .post("/api/audit-events/batch").then().statusCode(403);
        given().contentType(ContentType.JSON).body(List.of())
                .post("/api/audit-events/batch").then().statusCode(401);
    }

    @Test
    void appendNeedsAToken() {
        given().contentType(ContentType.JSON).body(event(UUID.randomUUID(), TestNhsNumbers.next(), "relationship", null))
                .post("/api/audit-events").then().statusCode(401)
                .contentType("application/problem+json").body("status", equalTo(401));
    }

    @Test
    void onlyServicesAppend() {
        given().auth().oauth2(TestTokens.user("dr", "clinician", "RKM")).contentType(ContentType.JSON)
                .body(event(UUID.randomUUID(), TestNhsNumbers.next(), "relationship", null))
                .post("/api/audit-events").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void appendingTheSameEventTwiceRecordsItOnce() {
        UUID id = UUID.randomUUID();
        String nhsNumber = TestNhsNumbers.next();
        Map<String, Object> event = event(id, nhsNumber, "relationship", null);
        int first = append(event);
        int second = append(event);
        org.junit.jupiter.api.Assertions.assertEquals(first, second);
        given().auth().oauth2(PRIVACY_OFFICER).queryParam("nhsNumber", nhsNumber)
                .get("/api/audit-events").then().statusCode(200).body("$", hasSize(1));
    }

    @Test
    void rejectsAnIncompleteEventWithFieldErrors() {
        given().auth().oauth2(SERVICE).contentType(ContentType.JSON).body(Map.of("id", UUID.randomUUID()))
                .post("/api/audit-events").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItems("action", "actor", "occurredAt"));
    }

    @Test
    void privacyOfficerSearchesByPersonAndSeesBreakGlassReasons() {
        String nhsNumber = TestNhsNumbers.next();
        append(event(UUID.randomUUID(), nhsNumber, "break-glass", "Unconscious in ED, no history available"));
        given().auth().oauth2(PRIVACY_OFFICER).queryParam("nhsNumber", nhsNumber)
                .get("/api/audit-events").then().statusCode(200)
                .body("[0].accessBasis", equalTo("break-glass"))
                .body("[0].breakGlassReason", equalTo("Unconscious in ED, no history available"))
                .body("[0].actorOrg", equalTo("RKM"));
        given().auth().oauth2(TestTokens.user("dr", "clinician", "RKM")).queryParam("nhsNumber", nhsNumber)
                .get("/api/audit-events").then().statusCode(403);
        given().queryParam("nhsNumber", nhsNumber).get("/api/audit-events").then().statusCode(401);
    }

    @Test
    void withoutConsentTheCitizenStillSeesWhoLookedByOrganisationCode() {
        doReturn(Uni.createFrom().failure(new IllegalStateException("consent is down")))
                .when(consent).organisationNames();
        String mine = TestNhsNumbers.next();
        append(event(UUID.randomUUID(), mine, "relationship", null));
        given().auth().oauth2(TestTokens.patient("mary", mine)).get("/api/me/record-accesses")
                .then().statusCode(200).body("[0].organisation", equalTo("RKM"))
                .body("[0].organisationName", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void theLocationOfAnAppendedEventAnswers() {
        String location = given().auth().oauth2(SERVICE).contentType(ContentType.JSON)
                .body(event(UUID.randomUUID(), TestNhsNumbers.next(), "relationship", null))
                .post("/api/audit-events").then().statusCode(201).extract().header("Location");
        given().auth().oauth2(PRIVACY_OFFICER).get(location).then().statusCode(200)
                .body("actorName", equalTo("Dr Tom Reed"));
        given().auth().oauth2(PRIVACY_OFFICER).get("/api/audit-events/999999999").then().statusCode(404);
        given().auth().oauth2(SERVICE).get(location).then().statusCode(403);
    }

    @Test
    void citizenSeesWhoAccessedTheirOwnRecordOnly() {
        String mine = TestNhsNumbers.next();
        String someoneElses = TestNhsNumbers.next();
        append(event(UUID.randomUUID(), mine, "relationship", null));
        append(event(UUID.randomUUID(), someoneElses, "relationship", null));
        given().auth().oauth2(TestTokens.patient("mary", mine)).get("/api/me/record-accesses")
                .then().statusCode(200).body("$", hasSize(1))
                .body("[0].who", equalTo("Dr Tom Reed")).body("[0].organisation", equalTo("RKM"))
                .body("[0].organisationName", equalTo("Kingsmere University Hospitals NHS Trust"))
                .body("[0].sawCategories", equalTo(List.of("allergies", "medications")));
        given().auth().oauth2(TestTokens.user("dr", "clinician", "RKM")).get("/api/me/record-accesses")
                .then().statusCode(403);
        given().get("/api/me/record-accesses").then().statusCode(401);
    }
}
