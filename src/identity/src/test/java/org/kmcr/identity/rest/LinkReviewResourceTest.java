package org.kmcr.identity.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.quarkus.test.InjectMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.kmcr.common.audit.AuditClient;
import org.kmcr.common.audit.AuditEvent;
import org.kmcr.common.audit.AuditReceipt;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.common.testing.AuditMocks;
import org.kmcr.common.testing.KmcrTestEnvironment;
import org.kmcr.common.testing.TestNhsNumbers;

/** The privacy officers' review queue: listing, deciding once, and the audit trail of both. */
@QuarkusTest
@QuarkusTestResource(KmcrTestEnvironment.class)
class LinkReviewResourceTest {

    static final String OFFICER_ID = UUID.nameUUIDFromBytes(Patients.PRIVACY_OFFICER_NAME.getBytes()).toString();

    @InjectMock
    AuditClient audit;

    @Inject
    Pool pool;

    @BeforeEach
    void auditCommits() {
        doReturn(Uni.createFrom().item(new AuditReceipt(UUID.randomUUID(), 1, "hash"))).when(audit).record(any());
        AuditMocks.batchesRecordEachEvent(audit);
    }

    @Test
    void theQueueIsNewestFirstFilteredByStatusAndEveryReadIsAuditedAsTheOfficers() {
        String older = openReview();
        String newer = openReview();
        Patients.decide(older, "link", null).then().statusCode(200);

        List<String> open = ids("open");
        assertTrue(open.contains(newer) && !open.contains(older), open.toString());
        List<String> closed = ids("closed");
        assertTrue(closed.contains(older) && !closed.contains(newer), closed.toString());
        List<String> all = given().auth().oauth2(Patients.PRIVACY_OFFICER).queryParam("size", 500)
                .get(Patients.REVIEWS).then().statusCode(200).extract().jsonPath().getList("id");
        assertTrue(all.indexOf(newer) >= 0 && all.indexOf(newer) < all.indexOf(older), all.toString());
        given().auth().oauth2(Patients.PRIVACY_OFFICER).queryParam("size", 1).queryParam("page", 0)
                .get(Patients.REVIEWS).then().statusCode(200).body("", hasSize(1));

        verify(audit, times(4)).record(argThat(event -> event.action().equals(
                "identity.link-review.list")
                && event.outcome().equals("permitted")
                && event.purpose().equals("governance")
                && event.actor().userId().equals(OFFICER_ID)
                && event.actor().role().equals("privacy-officer")
                && event.subjectNhsNumber() == null));
    }

    @Test
    void aDecisionNamesTheOfficerFromTheTokenAndKeepsTheNote() {
        String review = openReview();

        Patients.decide(review, "reject", "Different patient: DOB and name differ; PAS informed").then()
                .statusCode(200)
                .body("id", equalTo(review))
                .body("status", equalTo("closed"))
                .body("decision", equalTo("reject"))
                .body("decidedBy", equalTo(OFFICER_ID))
                .body("decidedByName", equalTo("Test po"))
                .body("note", equalTo("Different patient: DOB and name differ; PAS informed"))
                .body("decidedAt", notNullValue());
    }

    @Test
    void aReviewIsDecidedOnceAndTheSecondDecisionIsAConflict() {
        String review = openReview();
        Patients.decide(review, "link", null).then().statusCode(200);

        Patients.decide(review, "reject", "changed my mind").then().statusCode(409)
                .contentType("application/problem+json").body("status", equalTo(409));
        given().auth().oauth2(Patients.PRIVACY_OFFICER).queryParam("status", "closed").queryParam("size", 500)
                .get(Patients.REVIEWS).then().statusCode(200)
                .body("find { it.id == '" + review + "' }.decision", equalTo("link"));
    }

    @Test
    void anUnknownReviewIsNotFound() {
        Patients.decide(UUID.randomUUID().toString(), "link", null).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        Patients.decide("not-a-uuid", "link", null).then().statusCode(404).contentType("application/problem+json");
        verify(audit, never()).record(any());
    }

    @Test
    void aMalformedRequestIsABadRequestNamingTheField() {
        String review = openReview();
        Patients.decide(review, "maybe", null).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("decision")));
        given().auth().oauth2(Patients.PRIVACY_OFFICER).contentType(ContentType.JSON).body(Map.of())
                .post(Patients.REVIEWS + "/" + review + "/decision").then().statusCode(400)
                .body("errors.field", equalTo(List.of("decision")));
        Patients.decide(review, "link", "x".repeat(4001)).then().statusCode(400)
                .body("errors.field", equalTo(List.of("note")));
        given().auth().oauth2(Patients.PRIVACY_OFFICER).queryParam("status", "pending").get(Patients.REVIEWS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("status")));
        assertTrue(ids("open").contains(review), "a refused request decides nothing");
    }

    @Test
    void whenAuditCannotCommitTheQueueIsNotShown() {
        openReview();
        // what AuditClient answers when audit cannot commit
        doReturn(Uni.createFrom().failure(ProblemException.unavailable("audit is unavailable: nothing was disclosed")))
                .when(audit).record(any());

        given().auth().oauth2(Patients.PRIVACY_OFFICER).get(Patients.REVIEWS).then().statusCode(503)
                .contentType("application/problem+json").body("status", equalTo(503));
    }

    @Test
    void aDecisionTakenWhileAuditIsDownIsAuditedExactlyOnceWhenAuditIsBack() {
        String nhsNumber = TestNhsNumbers.next();
        Patients.resolve(Patients.patient(nhsNumber));
        Map<String, Object> stranger = Patients.stranger(nhsNumber);
        String review = Patients.resolve(stranger).getString("reviewId");
        doReturn(Uni.createFrom().failure(ProblemException.unavailable("audit is unavailable: nothing was disclosed")))
                .when(audit).record(any());

        Patients.decide(review, "link", null).then().statusCode(200).body("decision", equalTo("link"));
        assertEquals(2, Patients.linkedSourceIdentities(nhsNumber).size(), "the decision is taken");
        assertEquals(List.of(0L), outbox(nhsNumber, "attempts"), "its event waits in the outbox");
        Patients.deliverAuditOutbox();
        assertEquals(List.of(1L), outbox(nhsNumber, "attempts"), "audit refused it, so it stays");
        assertEquals(List.of("503"), outbox(nhsNumber, "last_failure"));

        auditCommits();
        Patients.deliverAuditOutbox();
        Patients.deliverAuditOutbox();

        assertEquals(List.of(), outbox(nhsNumber, "attempts"), "delivered, it leaves the outbox");
        ArgumentCaptor<AuditEvent> sent = ArgumentCaptor.forClass(AuditEvent.class);
        verify(audit, atLeastOnce()).record(sent.capture());
        List<AuditEvent> decisions = sent.getAllValues().stream()
                .filter(event -> nhsNumber.equals(event.subjectNhsNumber())
                        && event.action().equals("identity.link-review.decide"))
                .toList();
        assertEquals(2, decisions.size(), "sent once refused, once committed, and never again");
        assertEquals(decisions.get(0), decisions.get(1), "the same event, with the same id, both times");
        assertEquals("linked", decisions.get(0).outcome());
        assertEquals(OFFICER_ID, decisions.get(0).actor().userId());
    }

    /** A column of the outbox rows holding the decision event about this NHS number. */
    private List<Object> outbox(String nhsNumber, String column) {
        List<Object> values = new java.util.ArrayList<>();
        pool.preparedQuery("SELECT " + column + " FROM identity.audit_outbox WHERE event->>'subjectNhsNumber' = $1"
                + " AND event->>'action' = 'identity.link-review.decide'").execute(Tuple.of(nhsNumber))
                .await().indefinitely().forEach(row -> values.add(row.getValue(0) instanceof Integer i
                        ? Long.valueOf(i) : row.getValue(0)));
        return values;
    }

    /** A new open review: a stranger's record sent with an existing person's NHS number. */
    private static String openReview() {
        String nhsNumber = TestNhsNumbers.next();
        Patients.resolve(Patients.patient(nhsNumber));
        return Patients.resolve(Patients.stranger(nhsNumber)).getString("reviewId");
    }

    private static List<String> ids(String status) {
        return given().auth().oauth2(Patients.PRIVACY_OFFICER).queryParam("status", status).queryParam("size", 500)
                .get(Patients.REVIEWS).then().statusCode(200).extract().jsonPath().getList("id");
    }
}
