package org.kmcr.consent.rest;

import static org.kmcr.consent.rest.ConsentFixtures.AUDIT_AND_ALERT;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kmcr.consent.rest.ConsentFixtures.CLINICIAN_SEES;
import static org.kmcr.consent.rest.ConsentFixtures.LONG_AGO;
import static org.kmcr.consent.rest.ConsentFixtures.PRIVACY_OFFICER;
import static org.kmcr.consent.rest.ConsentFixtures.REASON;
import static org.kmcr.consent.rest.ConsentFixtures.alert;
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
class BreakGlassReviewResourceTest extends AuditedResourceTest {

    static final String CLINICIAN = TestTokens.user("dr", "clinician", "RKM");

    /** A break-glass decision, then its disclosure reported as record-query does; returns the review's id. */
    static String breakGlass(String org, UUID person, String nhsNumber) {
        partner(org, LONG_AGO, null);
        Map<String, Object> caller = staff("clinician", org);
        decide(decisionRequest(person, nhsNumber, caller, "  " + REASON + "  "))
                .statusCode(200).body("effect", equalTo("permit")).body("basis", equalTo("break-glass"))
                .body("obligations", equalTo(AUDIT_AND_ALERT))
                .body("categories", equalTo(CLINICIAN_SEES));
        UUID auditEvent = UUID.randomUUID();
        alert(auditEvent, person, nhsNumber, caller, "break-glass", "  " + REASON + "  ").statusCode(204);
        return reviewOf(auditEvent);
    }

    static String reviewOf(UUID auditEvent) {
        return given().auth().oauth2(PRIVACY_OFFICER).get("/api/break-glass-reviews").then().statusCode(200)
                .extract().path("find { it.auditEventId == '" + auditEvent + "' }.id");
    }

    static io.restassured.response.ValidatableResponse close(String token, String id, String outcome, String note) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("outcome", outcome, "note", note))
                .post("/api/break-glass-reviews/" + id + "/outcome").then();
    }

    static io.restassured.response.ValidatableResponse close(String id, String outcome, String note) {
        return close(PRIVACY_OFFICER, id, outcome, note);
    }

    @Test
    void aBreakGlassDisclosureIsQueuedForAPrivacyOfficerWhoJudgesItOnce() {
        String org = newOrgCode();
        UUID person = UUID.randomUUID();
        String nhsNumber = TestNhsNumbers.next();
        String id = breakGlass(org, person, nhsNumber);

        String path = "find { it.id == '" + id + "' }";
        given().auth().oauth2(PRIVACY_OFFICER).queryParam("status", "open").get("/api/break-glass-reviews")
                .then().statusCode(200)
                .body(path + ".status", equalTo("open")).body(path + ".reason", equalTo(REASON))
                .body(path + ".basis", equalTo("break-glass"))
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
        assertTrue(auditedActions().contains("consent.review.close"), auditedActions().toString());
        assertTrue(auditedActions().contains("consent.review.list"), auditedActions().toString());
    }

    @Test
    void theSameDisclosureReportedTwiceQueuesOneReview() {
        String org = newOrgCode();
        partner(org, LONG_AGO, null);
        UUID person = UUID.randomUUID();
        UUID auditEvent = UUID.randomUUID();
        alert(auditEvent, person, null, staff("clinician", org), "break-glass", REASON).statusCode(204);
        alert(auditEvent, person, null, staff("clinician", org), "break-glass", REASON).statusCode(204);
        given().auth().oauth2(PRIVACY_OFFICER).get("/api/break-glass-reviews").then().statusCode(200)
                .body("findAll { it.auditEventId == '" + auditEvent + "' }", hasSize(1));
    }

    @Test
    void onlyBreakGlassAndSelfClaimedAccessesAreReviewed() {
        alert(UUID.randomUUID(), UUID.randomUUID(), null, staff("clinician", newOrgCode()), "relationship", REASON)
                .statusCode(422).contentType("application/problem+json");
        alert(UUID.randomUUID(), UUID.randomUUID(), null, staff("clinician", newOrgCode()), "gp-registration", REASON)
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void nobodyClosesAReviewOfTheirOwnAccess() {
        String org = newOrgCode();
        partner(org, LONG_AGO, null);
        Map<String, Object> caller = staff("clinician", org);
        UUID auditEvent = UUID.randomUUID();
        alert(auditEvent, UUID.randomUUID(), null, caller, "break-glass", REASON).statusCode(204);
        String id = reviewOf(auditEvent);
        // the same person, who is both a clinician and a privacy officer, tries to judge their own access
        String sameUser = TestTokens.withSubject((String) caller.get("userId"), "privacy-officer", "QKM");
        close(sameUser, id, "appropriate", "It was fine").statusCode(403)
                .body("detail", equalTo("You cannot judge a review of your own access: another privacy officer "
                        + "must close it"));
        close(id, "appropriate", "Checked with the ED lead").statusCode(200);
    }

    @Test
    void reviewsAreListedNewestFirst() {
        String first = breakGlass(newOrgCode(), UUID.randomUUID(), null);
        String second = breakGlass(newOrgCode(), UUID.randomUUID(), null);
        List<String> ids = given().auth().oauth2(PRIVACY_OFFICER).queryParam("status", "open")
                .get("/api/break-glass-reviews").then().statusCode(200).extract().path("id");
        assertTrue(ids.indexOf(second) < ids.indexOf(first), ids.toString());
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
    void reviewsAreForPrivacyOfficersAndAlertsForRecordQueryOnly() {
        String id = breakGlass(newOrgCode(), UUID.randomUUID(), null);
        given().get("/api/break-glass-reviews").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(CLINICIAN).get("/api/break-glass-reviews").then().statusCode(403);
        given().auth().oauth2(ConsentFixtures.RECORD).get("/api/break-glass-reviews").then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("outcome", "appropriate"))
                .post("/api/break-glass-reviews/" + id + "/outcome").then().statusCode(401);
        given().auth().oauth2(CLINICIAN).contentType(ContentType.JSON).body(Map.of("outcome", "appropriate"))
                .post("/api/break-glass-reviews/" + id + "/outcome").then().statusCode(403);
        given().auth().oauth2(PRIVACY_OFFICER).queryParam("status", "pending").get("/api/break-glass-reviews")
                .then().statusCode(400).body("errors.field", equalTo(List.of("status")));
        for (String token : List.of(CLINICIAN, PRIVACY_OFFICER, ConsentFixtures.INGEST)) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of())
                    .post("/api/privacy-alerts").then().statusCode(403);
        }
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/privacy-alerts").then().statusCode(401);
        assertEquals(0, audited.stream().filter(e -> e.action().startsWith("record.")).count());
    }

    /** An access within the window of an earlier break glass, as record-query reports it: no reason of its own. */
    static UUID accessWithinWindow(Map<String, Object> caller, UUID person, String nhsNumber) {
        decide(decisionRequest(person, nhsNumber, caller, null)).statusCode(200)
                .body("effect", equalTo("permit")).body("basis", equalTo("break-glass"))
                .body("obligations", equalTo(AUDIT_AND_ALERT));
        UUID auditEvent = UUID.randomUUID();
        alert(auditEvent, person, nhsNumber, caller, "break-glass", null).statusCode(204);
        return auditEvent;
    }

    static io.restassured.response.ValidatableResponse reviews() {
        return given().auth().oauth2(PRIVACY_OFFICER).get("/api/break-glass-reviews").then().statusCode(200);
    }

    @Test
    void everyAccessWithinTheWindowJoinsTheOpenReviewAndAfterItClosesRaisesOneThatContinuesIt() {
        String org = newOrgCode();
        UUID person = UUID.randomUUID();
        String nhsNumber = TestNhsNumbers.next();
        String opened = breakGlass(org, person, nhsNumber);
        Map<String, Object> caller = staff("clinician", org);

        UUID second = accessWithinWindow(caller, person, nhsNumber);
        UUID third = accessWithinWindow(caller, person, nhsNumber);
        // reported again (a retry): still joined once
        alert(second, person, nhsNumber, caller, "break-glass", null).statusCode(204);
        String review = "find { it.id == '" + opened + "' }";
        reviews().body(review + ".accesses.auditEventId", equalTo(List.of(second.toString(), third.toString())))
                .body(review + ".accesses.occurredAt", everyItem(notNullValue()))
                .body("findAll { it.personId == '" + person + "' }", hasSize(1));

        close(opened, "appropriate", "Seen in ED twice that night").statusCode(200)
                .body("accesses.auditEventId", equalTo(List.of(second.toString(), third.toString())));
        // after the judgement, a further access is not hidden in a closed review: it raises one of its own that
        // continues the first, and later accesses join that one
        UUID fourth = accessWithinWindow(caller, person, nhsNumber);
        UUID fifth = accessWithinWindow(caller, person, nhsNumber);
        String continuation = "find { it.auditEventId == '" + fourth + "' }";
        reviews().body(continuation + ".status", equalTo("open"))
                .body(continuation + ".continuesReviewId", equalTo(opened))
                .body(continuation + ".basis", equalTo("break-glass"))
                .body(continuation + ".reason", containsString(REASON))
                .body(continuation + ".accesses.auditEventId", equalTo(List.of(fifth.toString())))
                .body(review + ".accesses", hasSize(2))
                .body("findAll { it.personId == '" + person + "' }", hasSize(2));

        // the window runs from the break glass that stated a reason: the continuation does not extend it
        KmcrTestEnvironment.database().execute("UPDATE consent.break_glass_review SET occurred_at = occurred_at - "
                + "interval '5 hours' WHERE id = '" + opened + "'");
        decide(decisionRequest(person, nhsNumber, caller, null)).statusCode(200)
                .body("effect", equalTo("deny")).body("reasonCode", equalTo("no-legitimate-relationship"));
    }

    @Test
    void aBreakGlassAccessWithoutAReasonNeedsABreakGlassToJoin() {
        String org = newOrgCode();
        partner(org, LONG_AGO, null);
        alert(UUID.randomUUID(), UUID.randomUUID(), null, staff("clinician", org), "break-glass", null)
                .statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("a break-glass access must state its reason"));
    }
}
