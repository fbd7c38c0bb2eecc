package org.kmcr.audit.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kmcr.common.testing.KmcrTestEnvironment;
import org.kmcr.common.testing.TestNhsNumbers;
import org.kmcr.common.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(KmcrTestEnvironment.class)
class VerificationResourceTest {

    static final String PRIVACY_OFFICER = TestTokens.user("po", "privacy-officer", "QKM");

    @Inject
    Pool pool;

    @Test
    void verificationDetectsATamperedEntryAndPassesOnceItIsRestored() {
        int sequence = AuditEventResourceTest.append(
                AuditEventResourceTest.event(UUID.randomUUID(), TestNhsNumbers.next(), "relationship", null));
        AuditEventResourceTest.append(
                AuditEventResourceTest.event(UUID.randomUUID(), TestNhsNumbers.next(), "relationship", null));
        given().auth().oauth2(PRIVACY_OFFICER).get("/api/audit-verification").then().statusCode(200)
                .body("valid", equalTo(true)).body("firstBrokenSequence", nullValue());

        // an administrator with direct database access hides who looked
        KmcrTestEnvironment.database().execute(
                "UPDATE audit.audit_entry SET actor_org = 'XXX' WHERE sequence = " + sequence);
        try {
            given().auth().oauth2(PRIVACY_OFFICER).get("/api/audit-verification").then().statusCode(200)
                    .body("valid", equalTo(false)).body("firstBrokenSequence", equalTo(sequence))
                    .body("lastSuspectSequence", equalTo(sequence))
                    .body("problem", equalTo(
                            "the entry's content does not match its hash: it was changed after it was written"));
        } finally {
            KmcrTestEnvironment.database().execute(
                    "UPDATE audit.audit_entry SET actor_org = 'RKM' WHERE sequence = " + sequence);
        }
        given().auth().oauth2(PRIVACY_OFFICER).get("/api/audit-verification").then().statusCode(200)
                .body("valid", equalTo(true));
    }

    @Test
    void verificationIsForPrivacyOfficers() {
        given().get("/api/audit-verification").then().statusCode(401).contentType("application/problem+json");
        for (String token : new String[] {TestTokens.patient("mary", TestNhsNumbers.next()),
                TestTokens.service("kmcr-record"), TestTokens.service("kmcr-audit"),
                TestTokens.user("dr", "clinician", "RKM")}) {
            given().auth().oauth2(token).get("/api/audit-verification").then().statusCode(403);
        }
    }

    @Test
    void theServiceDatabaseRoleCannotUpdateOrDeleteTheLogOrItsCheckpoints() {
        AuditEventResourceTest.append(
                AuditEventResourceTest.event(UUID.randomUUID(), TestNhsNumbers.next(), "relationship", null));
        given().auth().oauth2(PRIVACY_OFFICER).post("/api/audit-checkpoints").then().statusCode(201);
        for (String sql : new String[] {"UPDATE audit.audit_entry SET actor_org = 'XXX'",
                "DELETE FROM audit.audit_entry", "TRUNCATE audit.audit_entry",
                "UPDATE audit.checkpoint SET head_hash = 'x'", "DELETE FROM audit.checkpoint",
                "TRUNCATE audit.checkpoint"}) {
            Throwable refused = assertThrows(Exception.class,
                    () -> pool.query(sql).execute().await().indefinitely(), sql);
            assertTrue(refused.getMessage().contains("permission denied"), refused.getMessage());
        }
        for (String table : new String[] {"audit.audit_entry", "audit.checkpoint"}) {
            Long rows = pool.query("SELECT count(*) FROM " + table).execute().await().indefinitely()
                    .iterator().next().getLong(0);
            assertTrue(rows > 0, table);
        }
    }
}
