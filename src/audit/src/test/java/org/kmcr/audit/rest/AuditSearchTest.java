package org.kmcr.audit.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kmcr.common.testing.KmcrTestEnvironment;
import org.kmcr.common.testing.TestNhsNumbers;
import org.kmcr.common.testing.TestTokens;

/**
 * A privacy officer's search: by person, user, organisation, time, action, basis and outcome, paged with exact
 * totals, as JSON, CSV and FHIR BALP AuditEvents; every search itself audited.
 */
@QuarkusTest
@QuarkusTestResource(KmcrTestEnvironment.class)
class AuditSearchTest {

    static final String OFFICER = AuditEventResourceTest.PRIVACY_OFFICER;

    static Map<String, Object> event(String userId, String org, String basis, String outcome, Instant at,
            String nhsNumber) {
        Map<String, Object> event = new HashMap<>(AuditEventResourceTest.event(UUID.randomUUID(), nhsNumber, basis,
                "break-glass".equals(basis) ? "Emergency" : null));
        event.put("outcome", outcome);
        event.put("occurredAt", at.toString());
        event.put("actor", Map.of("userId", userId, "displayName", "Dr " + userId, "role", "clinician",
                "orgCode", org));
        return event;
    }

    @Test
    void everyCriterionNarrowsTheSearchAndTheTotalIsExact() {
        String user = "u-" + UUID.randomUUID();
        String other = "u-" + UUID.randomUUID();
        String nhsNumber = TestNhsNumbers.next();
        Instant t = Instant.parse("2026-03-01T10:00:00Z");
        for (int i = 0; i < 5; i++) {
            AuditEventResourceTest.append(event(user, "RKM", "break-glass", "permitted", t.plusSeconds(60L * i),
                    TestNhsNumbers.next()));
        }
        AuditEventResourceTest.append(event(user, "K81001", "self-claimed", "permitted", t.plusSeconds(3600),
                nhsNumber));
        AuditEventResourceTest.append(event(other, "RKM", "relationship", "denied", t.plusSeconds(7200), nhsNumber));

        total(Map.of("userId", user), 6);
        total(Map.of("userId", user, "basis", "break-glass"), 5);
        total(Map.of("userId", user, "basis", "self-claimed"), 1);
        total(Map.of("userId", user, "org", "K81001"), 1);
        total(Map.of("nhsNumber", nhsNumber), 2);
        total(Map.of("nhsNumber", nhsNumber, "outcome", "denied"), 1);
        total(Map.of("userId", user, "from", t.plusSeconds(60).toString(), "to", t.plusSeconds(240).toString()), 3);
        total(Map.of("userId", user, "action", "record."), 6);
        total(Map.of("userId", user, "action", "record.summary.read"), 6);
        total(Map.of("userId", user, "action", "consent."), 0);

        // paged: two at a time, newest first, the total the same on every page
        given().auth().oauth2(OFFICER).queryParams(Map.of("userId", user, "size", 2, "page", 2))
                .get("/api/audit-events").then().statusCode(200).header("X-Total-Count", "6")
                .body("$", hasSize(2)).body("occurredAt[0]", equalTo(t.plusSeconds(60).toString()));

        given().auth().oauth2(OFFICER).queryParam("from", "yesterday").get("/api/audit-events").then()
                .statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("from must be an ISO-8601 instant"));
        given().auth().oauth2(OFFICER).queryParam("nhsNumber", "123").get("/api/audit-events").then()
                .statusCode(400);
    }

    @Test
    void theSearchExportsAsCsvAndAsBalpAuditEventsAndIsItselfAudited() {
        String user = "u-" + UUID.randomUUID();
        String nhsNumber = TestNhsNumbers.next();
        AuditEventResourceTest.append(event(user, "RKM", "break-glass", "permitted", Instant.now(), nhsNumber));
        AuditEventResourceTest.append(event(user, "RKM", "relationship", "permitted", Instant.now(), nhsNumber));

        String csv = given().auth().oauth2(OFFICER).queryParam("nhsNumber", nhsNumber).get("/api/audit-events/csv")
                .then().statusCode(200).contentType(containsString("text/csv")).header("X-Total-Count", "2")
                .extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals(3, lines.size(), csv);
        assertTrue(lines.get(0).startsWith("sequence,eventId,occurredAt"), lines.get(0));
        assertTrue(lines.get(2).contains(",break-glass,Emergency,"), lines.get(2));

        // (the CSV search is now in the log about this person too: ask for the disclosures only)
        given().auth().oauth2(OFFICER).queryParams(Map.of("nhsNumber", nhsNumber, "action", "record."))
                .get("/api/audit-events/fhir").then()
                .statusCode(200).contentType(containsString("application/fhir+json"))
                .body("resourceType", equalTo("Bundle")).body("total", equalTo(2))
                .body("entry.resource.resourceType", everyItem(equalTo("AuditEvent")))
                .body("entry[1].resource.meta.profile[0]",
                        equalTo("https://profiles.ihe.net/ITI/BALP/StructureDefinition/IHE.BasicAudit.PatientRead"))
                .body("entry[1].resource.purposeOfEvent[0].coding[0].code", equalTo("ETREAT"))
                .body("entry[1].resource.entity[0].what.identifier.value", equalTo(nhsNumber));

        // the three searches of this person were each recorded, with the person as subject
        given().auth().oauth2(OFFICER).queryParams(Map.of("nhsNumber", nhsNumber, "action", "audit.search"))
                .get("/api/audit-events").then().statusCode(200).header("X-Total-Count", "2");
        given().auth().oauth2(TestTokens.user("dr", "clinician", "RKM")).get("/api/audit-events/csv").then()
                .statusCode(403);
        given().get("/api/audit-events/fhir").then().statusCode(401);
    }

    private static void total(Map<String, ?> criteria, int expected) {
        given().auth().oauth2(OFFICER).queryParams(criteria).get("/api/audit-events").then().statusCode(200)
                .header("X-Total-Count", String.valueOf(expected)).body("$", hasSize(Math.min(expected, 50)));
    }
}
