package org.kmcr.identity.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.verify;

import io.quarkus.test.InjectMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kmcr.common.audit.AuditClient;
import org.kmcr.common.audit.AuditReceipt;
import org.kmcr.common.identity.SourceIdentityIds;
import org.kmcr.common.testing.AuditMocks;
import org.kmcr.common.testing.KmcrTestEnvironment;
import org.kmcr.common.testing.TestNhsNumbers;

/**
 * A valid NHS number alone does not attach a source identity to a person whose demographics contradict it: the
 * link waits for a privacy officer, and until then record reads none of its items.
 */
@QuarkusTest
@QuarkusTestResource(KmcrTestEnvironment.class)
class ContradictingDemographicsTest {

    @Inject
    Pool pool;

    @InjectMock
    AuditClient audit;

    @BeforeEach
    void auditCommits() {
        doReturn(Uni.createFrom().item(new AuditReceipt(UUID.randomUUID(), 1, "hash"))).when(audit).record(any());
        AuditMocks.batchesRecordEachEvent(audit);
    }

    @Test
    void aStrangersRecordSentWithSomeonesNhsNumberWaitsForReviewAndStaysOutOfTheirRecord() {
        String nhsNumber = TestNhsNumbers.next();
        JsonPath mary = Patients.resolve(Patients.patient(nhsNumber));
        Map<String, Object> strangerPatient = Patients.stranger(nhsNumber);
        JsonPath stranger = Patients.resolve(strangerPatient);

        assertEquals("pending-review", stranger.getString("linkStatus"));
        assertNull(stranger.getString("personId"));
        assertNotNull(stranger.getString("reviewId"));
        assertEquals(SourceIdentityIds.of("G81001", "gp-emis", (String) strangerPatient.get("localId")).toString(),
                stranger.getString("sourceIdentityId"));
        List<String> marysOnly = List.of(mary.getString("sourceIdentityId"));
        assertEquals(marysOnly, Patients.linkedSourceIdentities(nhsNumber));
        given().auth().oauth2(Patients.RECORD).get("/api/persons/" + mary.getString("personId")).then()
                .statusCode(200).body("sourceIdentities.sourceIdentityId", equalTo(marysOnly));

        Row link = links(stranger.getString("sourceIdentityId")).get(0);
        assertEquals("pending-review", link.getString("state"));
        assertEquals(mary.getString("personId"), link.getUUID("person_id").toString());
        assertEquals("contradict every linked source identity", link.getJsonObject("evidence").getString("demographics"));

        JsonPath review = openReview(stranger.getString("reviewId"));
        assertEquals("new-link", review.getString("kind"));
        assertEquals(mary.getString("personId"), review.getString("personId"));
        assertEquals(strangerPatient.get("localId"), review.getString("incoming.localId"));
        assertEquals("Okafor", review.getString("incoming.demographics.family"));
        assertEquals(marysOnly, review.getList("linked.sourceIdentityId"));
        assertEquals("Jones", review.getString("linked[0].demographics.family"));
        assertEquals(Map.of("family", "disagrees", "given", "disagrees", "birthDate", "disagrees",
                "gender", "disagrees"), review.getMap("linked[0].evidence"));
    }

    @Test
    void resolvingThePendingSourceAgainGivesTheSameAnswerAndOpensNoSecondReview() {
        String nhsNumber = TestNhsNumbers.next();
        Patients.resolve(Patients.patient(nhsNumber));
        Map<String, Object> stranger = Patients.stranger(nhsNumber);
        JsonPath first = Patients.resolve(stranger);
        JsonPath again = Patients.resolve(stranger);

        assertEquals(first.getMap(""), again.getMap(""));
        assertEquals(1, links(first.getString("sourceIdentityId")).size());
        assertEquals(1, count("SELECT count(*) FROM identity.link_review WHERE source_identity_id = $1",
                UUID.fromString(first.getString("sourceIdentityId"))));
    }

    @ParameterizedTest(name = "{0}: {5}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "another name and another date of birth | Smith | Mary | 1985-07-02 | female | pending-review",
        "another first name and another sex     | Jones | John | 1970-03-04 | male   | pending-review",
        "a surname change only                  | Smith | Mary | 1970-03-04 | female | linked",
        "day and month swapped only             | Jones | Mary | 1970-04-03 | female | linked",
        "a new surname, nothing else said       | Smith | null | null       | null   | linked"})
    void twoDisagreeingFieldsAreNeededToHoldTheLinkBack(String name, String family, String given, String birthDate,
            String gender, String expected) {
        String nhsNumber = TestNhsNumbers.next();
        Patients.resolve(Patients.withDemographics(Patients.patient(nhsNumber), "Jones", "Mary", "1970-03-04",
                "female"));
        Map<String, Object> second = Patients.patient("G81001", "gp-emis", "E-" + UUID.randomUUID(), nhsNumber);
        Map<String, Object> demographics = new HashMap<>();
        demographics.put("family", family);
        if (given != null) {
            demographics.put("given", List.of(given));
        }
        demographics.put("birthDate", birthDate);
        demographics.put("gender", gender);
        second.put("demographics", demographics);

        JsonPath answer = Patients.resolve(second);

        assertEquals(expected, answer.getString("linkStatus"), name);
        assertEquals(expected.equals("linked") ? 2 : 1, Patients.linkedSourceIdentities(nhsNumber).size(), name);
    }

    @Test
    void aLinkDecisionAddsTheSourceIdentityToThePersonAndIsAuditedAsTheOfficers() {
        String nhsNumber = TestNhsNumbers.next();
        JsonPath mary = Patients.resolve(Patients.patient(nhsNumber));
        Map<String, Object> strangerPatient = Patients.stranger(nhsNumber);
        JsonPath stranger = Patients.resolve(strangerPatient);

        Patients.decide(stranger.getString("reviewId"), "link", "Confirmed with the practice: same person")
                .then().statusCode(200).body("status", equalTo("closed")).body("decision", equalTo("link"));

        assertEquals(List.of(mary.getString("sourceIdentityId"), stranger.getString("sourceIdentityId")),
                Patients.linkedSourceIdentities(nhsNumber));
        JsonPath again = Patients.resolve(strangerPatient);
        assertEquals("linked", again.getString("linkStatus"));
        assertEquals(mary.getString("personId"), again.getString("personId"));
        assertNull(again.getString("reviewId"), "demographics a privacy officer accepted are not reviewed again");
        Patients.deliverAuditOutbox();
        verify(audit).record(argThat(event -> event.action().equals("identity.link-review.decide")
                && event.outcome().equals("linked")
                && event.purpose().equals("governance")
                && event.actor().userId().equals(UUID.nameUUIDFromBytes("po".getBytes()).toString())
                && event.actor().role().equals("privacy-officer")
                && event.actor().orgCode().equals("QKM")
                && event.subjectPersonId().toString().equals(mary.getString("personId"))
                && event.subjectNhsNumber().equals(nhsNumber)));
    }

    @Test
    void aRejectedLinkJoinsNobodyUntilTheSourceCorrectsItsData() {
        String nhsNumber = TestNhsNumbers.next();
        JsonPath mary = Patients.resolve(Patients.patient(nhsNumber));
        Map<String, Object> strangerPatient = Patients.stranger(nhsNumber);
        JsonPath stranger = Patients.resolve(strangerPatient);
        String sourceIdentityId = stranger.getString("sourceIdentityId");

        Patients.decide(stranger.getString("reviewId"), "reject", "Another patient: the PAS was told").then()
                .statusCode(200).body("decision", equalTo("reject"));

        assertEquals(List.of(mary.getString("sourceIdentityId")), Patients.linkedSourceIdentities(nhsNumber));
        assertEquals("rejected", links(sourceIdentityId).get(0).getString("state"));
        JsonPath resent = Patients.resolve(strangerPatient);
        assertEquals("rejected", resent.getString("linkStatus"));
        assertNull(resent.getString("personId"));
        assertNull(resent.getString("reviewId"));
        assertEquals(1, count("SELECT count(*) FROM identity.link_review WHERE source_identity_id = $1",
                UUID.fromString(sourceIdentityId)));
        Patients.deliverAuditOutbox();
        verify(audit).record(argThat(event -> event.action().equals("identity.link-review.decide")
                && event.outcome().equals("rejected") && nhsNumber.equals(event.subjectNhsNumber())));

        // the source corrects its record: it was Mary after all
        JsonPath corrected = Patients.resolve(Patients.withDemographics(strangerPatient, "Jones", "Mary",
                "1970-01-01", "female"));
        assertEquals("linked", corrected.getString("linkStatus"));
        assertEquals(mary.getString("personId"), corrected.getString("personId"));
        assertEquals(2, Patients.linkedSourceIdentities(nhsNumber).size());
        assertEquals(List.of("inactive", "active"), links(sourceIdentityId).stream().map(r -> r.getString("state"))
                .toList());
    }

    @Test
    void anActiveLinkWhoseNewDemographicsContradictStaysLinkedAndIsReviewed() {
        String nhsNumber = TestNhsNumbers.next();
        JsonPath mary = Patients.resolve(Patients.patient(nhsNumber));
        Map<String, Object> gp = Patients.patient("G81001", "gp-emis", "E-" + UUID.randomUUID(), nhsNumber);
        String gpId = Patients.resolve(gp).getString("sourceIdentityId");
        Patients.withDemographics(gp, "Okafor", "Chidi", "1991-11-30", "male");

        JsonPath changed = Patients.resolve(gp);

        assertEquals("linked", changed.getString("linkStatus"));
        assertEquals(mary.getString("personId"), changed.getString("personId"));
        assertNotNull(changed.getString("reviewId"));
        assertEquals(2, Patients.linkedSourceIdentities(nhsNumber).size());
        assertEquals("existing-link", openReview(changed.getString("reviewId")).getString("kind"));
        assertEquals(changed.getString("reviewId"), Patients.resolve(gp).getString("reviewId"));
        assertEquals(1, count("SELECT count(*) FROM identity.link_review WHERE source_identity_id = $1",
                UUID.fromString(gpId)));

        Patients.decide(changed.getString("reviewId"), "reject", null).then().statusCode(200);
        assertEquals(List.of(mary.getString("sourceIdentityId")), Patients.linkedSourceIdentities(nhsNumber));
        assertEquals("rejected", Patients.resolve(gp).getString("linkStatus"));
    }

    @Test
    void aCorrectedNhsNumberReplacesThePendingLinkAndClosesItsReview() {
        String nhsNumber = TestNhsNumbers.next();
        Patients.resolve(Patients.patient(nhsNumber));
        Map<String, Object> strangerPatient = Patients.stranger(nhsNumber);
        JsonPath pending = Patients.resolve(strangerPatient);
        String corrected = TestNhsNumbers.next();
        strangerPatient.put("nhsNumber", corrected);

        JsonPath relinked = Patients.resolve(strangerPatient);

        assertEquals("linked", relinked.getString("linkStatus"));
        assertEquals(List.of(pending.getString("sourceIdentityId")), Patients.linkedSourceIdentities(corrected));
        JsonPath review = listed("closed", pending.getString("reviewId"));
        assertEquals("superseded", review.getString("decision"));
        assertNull(review.getString("decidedBy"));
        assertEquals("inactive", links(pending.getString("sourceIdentityId")).get(0).getString("state"));
        Patients.decide(pending.getString("reviewId"), "link", null).then().statusCode(409);
    }

    private static JsonPath openReview(String reviewId) {
        return listed("open", reviewId);
    }

    /** The review as the privacy officers' list with this status shows it. */
    private static JsonPath listed(String status, String reviewId) {
        List<Map<String, Object>> reviews = given().auth().oauth2(Patients.PRIVACY_OFFICER)
                .queryParam("status", status).queryParam("size", 500).get(Patients.REVIEWS)
                .then().statusCode(200).extract().jsonPath().getList("");
        Map<String, Object> review = reviews.stream().filter(r -> reviewId.equals(r.get("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("review " + reviewId + " is not listed as " + status));
        return JsonPath.from(new JsonObject(review).encode());
    }

    private List<Row> links(String sourceIdentityId) {
        List<Row> rows = new ArrayList<>();
        pool.preparedQuery("SELECT * FROM identity.identity_link WHERE source_identity_id = $1 ORDER BY created_at")
                .execute(Tuple.of(UUID.fromString(sourceIdentityId))).await().indefinitely().forEach(rows::add);
        return rows;
    }

    private long count(String sql, Object parameter) {
        return pool.preparedQuery(sql).execute(Tuple.of(parameter)).await().indefinitely().iterator().next().getLong(0);
    }
}
