package org.kmcr.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.verify;

import io.quarkus.test.InjectMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;
import org.kmcr.common.audit.AuditClient;
import org.kmcr.common.consent.ConsentClient;
import org.kmcr.common.identity.IdentityClient;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.common.testing.KmcrTestEnvironment;
import org.kmcr.common.testing.TestNhsNumbers;
import org.kmcr.common.testing.TestTokens;
import org.kmcr.ingest.Neighbours;
import org.kmcr.ingest.TestBundles;

/**
 * The platform operator's view of dead letters: every organisation's, without the message or the problem's words,
 * and a replay as the original sender once the cause is fixed; never a letter's payload.
 */
@QuarkusTest
@QuarkusTestResource(KmcrTestEnvironment.class)
class DeadLetterOperatorTest {

    static final String HOSPITAL = TestTokens.partner("partner-rkm-pas", "RKM");
    static final String GP = TestTokens.partner("partner-k81001-gp", "K81001");
    static final String OPERATOR = TestTokens.user("op", "platform-operator", "QKM");

    @InjectMock
    IdentityClient identity;
    @InjectMock
    ConsentClient consent;
    @InjectMock
    AuditClient audit;

    @Test
    void theOperatorSeesEveryOrganisationsDeadLettersButNotWhatTheyHold() {
        Neighbours.answer(identity, consent, audit);
        String badNumber = TestBundles.withWrongCheckDigit(TestNhsNumbers.next());
        String refused = kept(post(GP, TestBundles.summary(badNumber, TestBundles.newPatientId())), 422);
        String unavailable = keptWhileIdentityIsDown(HOSPITAL);

        String notices = given().auth().oauth2(OPERATOR).queryParam("size", 500).get("/api/dead-letters/notices")
                .then().statusCode(200)
                .body("id", hasItems(refused, unavailable))
                .body("find { it.id == '" + refused + "' }.sourceOrg", equalTo("K81001"))
                .body("find { it.id == '" + refused + "' }.sourceSystem", equalTo("partner-k81001-gp"))
                .body("find { it.id == '" + refused + "' }.feed", equalTo("fhir"))
                .body("find { it.id == '" + refused + "' }.status", equalTo(422))
                .body("find { it.id == '" + refused + "' }.problem", equalTo("Unprocessable content"))
                .body("find { it.id == '" + refused + "' }.fields", hasItem("Bundle.entry[0].resource.identifier"))
                .body("find { it.id == '" + unavailable + "' }.sourceOrg", equalTo("RKM"))
                .body("find { it.id == '" + unavailable + "' }.status", equalTo(503))
                .body("find { it.id == '" + unavailable + "' }.problem", equalTo("Service unavailable"))
                .body("find { it.id == '" + unavailable + "' }.state", equalTo("open"))
                .extract().asString();
        // nothing of the message nor the problem's words, which quote it
        assertFalse(notices.contains(badNumber), "the NHS number the message carried");
        assertFalse(notices.contains("Modulus 11"), "the problem's words");
        assertFalse(notices.contains("payload"), "the message");
        assertFalse(notices.contains("penicillin"), "the message");

        // the letter itself (its payload) is its sender's only
        given().auth().oauth2(OPERATOR).get("/api/dead-letters/" + refused).then().statusCode(403);
        given().auth().oauth2(OPERATOR).get("/api/dead-letters").then().statusCode(403);
        // and the operator's list is the operator's only
        given().auth().oauth2(HOSPITAL).get("/api/dead-letters/notices").then().statusCode(403);
        given().auth().oauth2(TestTokens.user("po", "privacy-officer", "QKM")).get("/api/dead-letters/notices")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.user("dr", "clinician", "RKM")).get("/api/dead-letters/notices").then()
                .statusCode(403);
        given().get("/api/dead-letters/notices").then().statusCode(401);
        given().auth().oauth2(OPERATOR).get("/api/feed-health").then().statusCode(200)
                .body("sourceOrg", hasItems("RKM", "K81001"));
    }

    @Test
    void theOperatorReplaysALetterAsItsSenderOnceTheCauseIsFixedAndTheReplayIsAudited() {
        Neighbours.answer(identity, consent, audit);
        String id = keptWhileIdentityIsDown(HOSPITAL);
        Neighbours.answer(identity, consent, audit);

        given().auth().oauth2(OPERATOR).accept("application/json").post("/api/dead-letters/" + id + "/replay")
                .then().statusCode(200).contentType("application/json")
                .body("id", equalTo(id)).body("state", equalTo("replayed")).body("attempts", equalTo(2))
                .body("sourceOrg", equalTo("RKM")).body("payload", nullValue());
        verify(audit, atLeastOnce()).record(argThat(event -> DeadLetterResource.REPLAY.equals(event.action())
                && "platform-operator".equals(event.actor().role())
                && "Test op".equals(event.actor().displayName())));
        // the sender sees it replayed, as if it had replayed it itself
        given().auth().oauth2(HOSPITAL).get("/api/dead-letters/" + id).then().body("state", equalTo("replayed"));
        given().auth().oauth2(OPERATOR).post("/api/dead-letters/" + id + "/replay").then().statusCode(409);
        given().auth().oauth2(OPERATOR).post("/api/dead-letters/00000000-0000-4000-8000-00000000abcd/replay").then()
                .statusCode(404);
        given().auth().oauth2(TestTokens.user("dr", "clinician", "RKM")).post("/api/dead-letters/" + id + "/replay")
                .then().statusCode(403);
    }

    @Test
    void aReplayThatFailsAgainTellsTheOperatorItsStatusAndTitleButNotItsWords() {
        Neighbours.answer(identity, consent, audit);
        String badNumber = TestBundles.withWrongCheckDigit(TestNhsNumbers.next());
        String id = kept(post(GP, TestBundles.summary(badNumber, TestBundles.newPatientId())), 422);

        String answer = given().auth().oauth2(OPERATOR).accept("application/json")
                .post("/api/dead-letters/" + id + "/replay").then().statusCode(422)
                .contentType("application/problem+json")
                .body("title", equalTo("Unprocessable content"))
                .body("detail", containsString("stays open"))
                .body("errors", nullValue())
                .extract().asString();
        assertFalse(answer.contains("Modulus 11") || answer.contains(badNumber), answer);
        given().auth().oauth2(OPERATOR).queryParam("size", 500).get("/api/dead-letters/notices").then()
                .body("find { it.id == '" + id + "' }.attempts", equalTo(2))
                .body("find { it.id == '" + id + "' }.state", equalTo("open"));
        // a partner replaying its own still hears the whole problem
        given().auth().oauth2(GP).post("/api/dead-letters/" + id + "/replay").then().statusCode(422)
                .body(containsString("Modulus 11"));
    }

    @Test
    void aPlaceNamingAnItemBySourceIdKeepsOnlyItsResourceType() {
        assertTrue(DeadLetterNotices.withoutSourceId("Encounter/V123").equals("Encounter"));
        assertTrue(DeadLetterNotices.withoutSourceId("Patient/MRN-0042").equals("Patient"));
        assertTrue(DeadLetterNotices.withoutSourceId("Bundle.entry[3].resource.subject")
                .equals("Bundle.entry[3].resource.subject"));
        assertTrue(DeadLetterNotices.withoutSourceId("PID-3").equals("PID-3"));
        assertTrue(DeadLetterNotices.withoutSourceId("OBR[1]-3").equals("OBR[1]-3"), "not a resource key");
    }

    private String keptWhileIdentityIsDown(String partner) {
        doReturn(Uni.createFrom().failure(ProblemException.unavailable(
                "The identity service is unavailable, so the patient could not be matched")))
                .when(identity).resolve(any());
        return kept(post(partner, TestBundles.summary(TestNhsNumbers.next(), TestBundles.newPatientId())), 503);
    }

    private static io.restassured.response.ValidatableResponse post(String token, String bundle) {
        return FhirIngestResourceTest.post(token, bundle);
    }

    /** The id of the dead letter a refused submission was kept as (its OperationOutcome names it). */
    private static String kept(io.restassured.response.ValidatableResponse refused, int status) {
        String diagnostics = refused.statusCode(status).extract().path("issue[-1].diagnostics");
        String id = diagnostics.replaceAll("(?s).*dead letter ([0-9a-f-]{36}).*", "$1");
        assertTrue(id.length() == 36, diagnostics);
        return id;
    }
}
