package org.kmcr.audit.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kmcr.audit.service.PatternScan;
import org.kmcr.common.testing.KmcrTestEnvironment;
import org.kmcr.common.testing.TestNhsNumbers;
import org.kmcr.common.testing.TestTokens;

/**
 * Pattern alerts from what the log holds: a user opening more than 30 people's records within an hour, and records
 * opened at night, each raised once, queued for privacy officers, and closed by a recorded (audited) review.
 */
@QuarkusTest
@QuarkusTestResource(KmcrTestEnvironment.class)
class PatternAlertTest {

    static final String OFFICER = AuditEventResourceTest.PRIVACY_OFFICER;

    @Inject
    PatternScan scan;

    @Test
    void manyRecordsInAnHourAndANightAccessRaiseOneAlertEachThatAReviewCloses() {
        String busy = "u-" + UUID.randomUUID();
        Instant morning = Instant.parse("2026-11-24T10:00:00Z");
        for (int i = 0; i < 31; i++) {
            AuditEventResourceTest.append(AuditSearchTest.event(busy, "RKM", "relationship", "permitted",
                    morning.plusSeconds(60L * i), TestNhsNumbers.next()));
        }
        String owl = "u-" + UUID.randomUUID();
        String nightPatient = TestNhsNumbers.next();
        AuditEventResourceTest.append(AuditSearchTest.event(owl, "RKM", "relationship", "permitted",
                Instant.parse("2026-11-24T02:30:00Z"), nightPatient));
        AuditEventResourceTest.append(AuditSearchTest.event(owl, "RKM", "relationship", "permitted",
                Instant.parse("2026-11-24T11:00:00Z"), TestNhsNumbers.next()));
        scan.scanOnce().await().indefinitely();
        assertEquals(0, scan.scanOnce().await().indefinitely(), "a scan finds each entry once");

        JsonPath open = given().auth().oauth2(OFFICER).get("/api/pattern-alerts").then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> mine = open.getList("findAll { it.actorUserId == '" + busy + "' }");
        assertEquals(1, mine.size(), mine.toString());
        assertEquals("many-records-in-an-hour", mine.get(0).get("kind"));
        assertEquals("31 different people's records opened within an hour (more than 30)", mine.get(0).get("detail"));
        List<Map<String, Object>> night = open.getList("findAll { it.actorUserId == '" + owl + "' }");
        assertEquals(1, night.size(), night.toString());
        assertEquals("out-of-hours", night.get(0).get("kind"));
        assertEquals(nightPatient, night.get(0).get("subjectNhsNumber"));

        String id = (String) night.get(0).get("id");
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body(Map.of("outcome", "appropriate", "note", "On call for the ward that night"))
                .post("/api/pattern-alerts/" + id + "/review").then().statusCode(200)
                .body("status", equalTo("reviewed")).body("outcome", equalTo("appropriate"));
        given().auth().oauth2(OFFICER).get("/api/pattern-alerts").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.not(hasItem(id)));
        given().auth().oauth2(OFFICER).queryParam("status", "all").get("/api/pattern-alerts").then().statusCode(200)
                .body("id", hasItem(id));
        // the review is in the log, about the person whose record was opened
        given().auth().oauth2(OFFICER).queryParams(Map.of("nhsNumber", nightPatient, "action",
                "audit.pattern-alert.review")).get("/api/audit-events").then().statusCode(200)
                .body("[0].outcome", equalTo("appropriate"));

        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(Map.of("outcome", "fine"))
                .post("/api/pattern-alerts/" + id + "/review").then().statusCode(400);
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(Map.of("outcome", "appropriate"))
                .post("/api/pattern-alerts/" + UUID.randomUUID() + "/review").then().statusCode(404);
        given().auth().oauth2(TestTokens.user("dr", "clinician", "RKM")).get("/api/pattern-alerts").then()
                .statusCode(403);
        given().get("/api/pattern-alerts").then().statusCode(401);
    }
}
