package org.kmcr.audit.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.InjectMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kmcr.common.consent.ConsentClient;
import org.kmcr.common.testing.KmcrTestEnvironment;
import org.kmcr.common.testing.TestNhsNumbers;
import org.kmcr.common.testing.TestTokens;

/** A privacy officer's reads of the audit log are themselves in the log; a citizen sees only disclosures. */
@QuarkusTest
@QuarkusTestResource(KmcrTestEnvironment.class)
class GovernanceReadAuditTest {

    static final String PRIVACY_OFFICER = AuditEventResourceTest.PRIVACY_OFFICER;
    static final String PRIVACY_OFFICER_ID = UUID.nameUUIDFromBytes("po".getBytes()).toString();

    @InjectMock
    ConsentClient consent;

    @Inject
    Pool pool;

    @BeforeEach
    void consentKnowsNoNames() {
        org.mockito.Mockito.doReturn(Uni.createFrom().item(Map.of())).when(consent).organisationNames();
    }

    @Test
    void aSearchAboutAPersonIsRecordedWithThePersonAsSubjectAndTheOfficerAsActor() {
        String nhsNumber = TestNhsNumbers.next();
        AuditEventResourceTest.append(AuditEventResourceTest.event(UUID.randomUUID(), nhsNumber, "relationship", null));
        given().auth().oauth2(PRIVACY_OFFICER).queryParam("nhsNumber", nhsNumber).get("/api/audit-events").then()
                .statusCode(200).body("$", hasSize(1));

        given().auth().oauth2(PRIVACY_OFFICER).queryParam("nhsNumber", nhsNumber).get("/api/audit-events").then()
                .statusCode(200).body("$", hasSize(2))
                .body("[0].action", equalTo("audit.search")).body("[0].outcome", equalTo("permitted"))
                .body("[0].purpose", equalTo("governance")).body("[0].actorUserId", equalTo(PRIVACY_OFFICER_ID))
                .body("[0].actorRole", equalTo("privacy-officer")).body("[0].actorOrg", equalTo("QKM"))
                .body("[0].subjectNhsNumber", equalTo(nhsNumber));
    }

    @Test
    void theCitizenSeesDisclosuresOfTheirRecordOnlyAndNoSequence() {
        String mine = TestNhsNumbers.next();
        AuditEventResourceTest.append(AuditEventResourceTest.event(UUID.randomUUID(), mine, "relationship", null));
        given().auth().oauth2(PRIVACY_OFFICER).queryParam("nhsNumber", mine).get("/api/audit-events").then()
                .statusCode(200);

        List<Map<String, Object>> accesses = given().auth().oauth2(TestTokens.patient("mary", mine))
                .get("/api/me/record-accesses").then().statusCode(200).body("$", hasSize(1))
                .extract().jsonPath().getList("$");
        // without withProofs=true: no place in the log, no proof
        assertEquals(Set.of("when", "who", "role", "organisation", "organisationName", "purpose", "basis",
                "brokeGlass", "breakGlassReason", "outcome", "sawCategories", "inWords"), accesses.get(0).keySet());
    }

    @Test
    void readingOneEntryIsRecordedWithThatEntrysSubject() {
        String nhsNumber = TestNhsNumbers.next();
        int sequence = AuditEventResourceTest.append(
                AuditEventResourceTest.event(UUID.randomUUID(), nhsNumber, "relationship", null));
        given().auth().oauth2(PRIVACY_OFFICER).get("/api/audit-events/" + sequence).then().statusCode(200);

        assertNewestEntry("audit.entry.read", "permitted", nhsNumber);
    }

    @Test
    void readingAnEntryThatDoesNotExistIsRecordedAsNotFound() {
        given().auth().oauth2(PRIVACY_OFFICER).get("/api/audit-events/999999999").then().statusCode(404);

        assertNewestEntry("audit.entry.read", "not-found", null);
    }

    @Test
    void verificationIsRecorded() {
        given().auth().oauth2(PRIVACY_OFFICER).get("/api/audit-verification").then().statusCode(200);

        assertNewestEntry("audit.verify", "permitted", null);
    }

    @Test
    void readingTheLatestCheckpointIsRecorded() {
        ChainTamperingTest.takeCheckpoint();
        given().auth().oauth2(PRIVACY_OFFICER).get("/api/audit-checkpoints/latest").then().statusCode(200);

        assertNewestEntry("audit.checkpoint.read", "permitted", null);
    }

    private void assertNewestEntry(String action, String outcome, String nhsNumber) {
        Row newest = pool.query("SELECT action, outcome, purpose, actor_user_id, actor_role, subject_nhs_number "
                + "FROM audit.audit_entry ORDER BY sequence DESC LIMIT 1").execute().await().indefinitely()
                .iterator().next();
        assertEquals(List.of(action, outcome, "governance", PRIVACY_OFFICER_ID, "privacy-officer"),
                List.of(newest.getString("action"), newest.getString("outcome"), newest.getString("purpose"),
                        newest.getString("actor_user_id"), newest.getString("actor_role")));
        assertEquals(nhsNumber, newest.getString("subject_nhs_number"));
    }
}
