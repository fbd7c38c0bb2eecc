package org.kmcr.systemtests;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kmcr.systemtests.SystemUnderTest.KEYCLOAK;
import static org.kmcr.systemtests.SystemUnderTest.STACK;
import static org.kmcr.systemtests.SystemUnderTest.as;

import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kmcr.common.testing.TestNhsNumbers;
import org.kmcr.systemtests.stack.DemoRegion;
import org.kmcr.systemtests.stack.ManagedProcess;
import org.kmcr.systemtests.stack.ServiceSpec;

/**
 * The audit log is tamper-evident, cutting it short is caught by its signed checkpoints, its database role is
 * append-only, and without it nothing is disclosed.
 */
class AuditIntegrityTest {

    @Test
    void tamperingWithAnAuditRowIsDetectedByVerification() {
        String nhsNumber = TestNhsNumbers.next();
        SystemUnderTest.ingest(DemoRegion.GP_SYSTEM, SystemUnderTest.summaryBundle(nhsNumber, DemoRegion.GP_PRACTICE));
        as(ServiceSpec.RECORD, KEYCLOAK.login(DemoRegion.GP_CLINICIAN))
                .get("/api/records/" + nhsNumber + "/summary").then().statusCode(200);
        String privacyOfficer = KEYCLOAK.login(DemoRegion.PRIVACY_OFFICER);
        int sequence = sequenceOfTheSummaryRead(privacyOfficer, nhsNumber);
        as(ServiceSpec.AUDIT, privacyOfficer).get("/api/audit-verification").then().statusCode(200)
                .body("valid", equalTo(true)).body("firstBrokenSequence", nullValue());

        // someone with direct database access tries to hide who looked at the record
        STACK.database().execute("UPDATE audit.audit_entry SET actor_org = 'XXXXX' WHERE sequence = " + sequence);
        try {
            as(ServiceSpec.AUDIT, privacyOfficer).get("/api/audit-verification").then().statusCode(200)
                    .body("valid", equalTo(false)).body("firstBrokenSequence", equalTo(sequence));
        } finally {
            STACK.database().execute("UPDATE audit.audit_entry SET actor_org = '" + DemoRegion.GP_PRACTICE
                    + "' WHERE sequence = " + sequence);
        }
        as(ServiceSpec.AUDIT, privacyOfficer).get("/api/audit-verification").then().body("valid", equalTo(true));
    }

    @Test
    void deletingTheNewestEntriesIsReportedAgainstASignedCheckpoint() {
        String nhsNumber = TestNhsNumbers.next();
        SystemUnderTest.ingest(DemoRegion.GP_SYSTEM, SystemUnderTest.summaryBundle(nhsNumber, DemoRegion.GP_PRACTICE));
        as(ServiceSpec.RECORD, KEYCLOAK.login(DemoRegion.GP_CLINICIAN))
                .get("/api/records/" + nhsNumber + "/summary").then().statusCode(200);
        String privacyOfficer = KEYCLOAK.login(DemoRegion.PRIVACY_OFFICER);
        int read = sequenceOfTheSummaryRead(privacyOfficer, nhsNumber);
        JsonPath checkpoint = as(ServiceSpec.AUDIT, privacyOfficer).post("/api/audit-checkpoints").then()
                .statusCode(201).body("verified", equalTo(true)).extract().jsonPath();
        int covered = checkpoint.getInt("sequence");

        // someone with direct database access removes the GP's read and everything after it
        String kept = "audit_entry_kept_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        STACK.database().execute("CREATE TABLE public." + kept + " AS SELECT * FROM audit.audit_entry WHERE sequence >= "
                + read + "; DELETE FROM audit.audit_entry WHERE sequence >= " + read);
        try {
            as(ServiceSpec.AUDIT, privacyOfficer).get("/api/audit-verification").then().statusCode(200)
                    .body("valid", equalTo(false))
                    .body("firstBrokenSequence", equalTo(read))
                    .body("lastSuspectSequence", equalTo(covered))
                    .body("problem", equalTo("entries " + read + " to " + covered
                            + " are missing; the signed checkpoint of " + checkpoint.getString("signedAt")
                            + " covers " + covered));
        } finally {
            // put the log back as it was (the verification's own entry took the first freed place)
            STACK.database().execute("DELETE FROM audit.audit_entry WHERE sequence >= " + read
                    + "; INSERT INTO audit.audit_entry SELECT * FROM public." + kept + "; DROP TABLE public." + kept);
        }
        as(ServiceSpec.AUDIT, privacyOfficer).get("/api/audit-verification").then().body("valid", equalTo(true));
    }

    @Test
    void theAuditRoleCanNeitherChangeNorDeleteEntries() throws SQLException {
        try (Connection audit = STACK.database().connectAs("kmcr_audit")) {
            for (String sql : new String[] {"UPDATE audit.audit_entry SET actor_org = 'X'",
                    "DELETE FROM audit.audit_entry", "DELETE FROM audit.checkpoint"}) {
                SQLException refused = assertThrows(SQLException.class, () -> audit.createStatement().execute(sql));
                assertTrue(refused.getMessage().contains("permission denied"), refused.getMessage());
            }
        }
        try (Connection record = STACK.database().connectAs("kmcr_record")) {
            SQLException refused = assertThrows(SQLException.class,
                    () -> record.createStatement().execute("DELETE FROM record.care_item"));
            assertTrue(refused.getMessage().contains("permission denied"), refused.getMessage());
        }
    }

    @Test
    void whenAuditIsDownTheRecordIsNotDisclosed() {
        String nhsNumber = TestNhsNumbers.next();
        SystemUnderTest.ingest(DemoRegion.GP_SYSTEM, SystemUnderTest.summaryBundle(nhsNumber, DemoRegion.GP_PRACTICE));
        String gp = KEYCLOAK.login(DemoRegion.GP_CLINICIAN);
        ManagedProcess audit = STACK.service(ServiceSpec.AUDIT);
        audit.stop();
        try {
            as(ServiceSpec.RECORD, gp).get("/api/records/" + nhsNumber + "/summary").then().statusCode(503)
                    .contentType("application/problem+json")
                    .body("detail", equalTo("The audit service is unavailable, so nothing was disclosed. Try again shortly."));
        } finally {
            audit.start().awaitReady(Duration.ofMinutes(2));
        }
        // the circuit breaker may still be open for a few seconds after audit returns
        awaitStatus(gp, nhsNumber, 200, Duration.ofSeconds(30));
    }

    /** The audit sequence of the GP's summary read, found as a privacy officer finds it: by searching. */
    private static int sequenceOfTheSummaryRead(String privacyOfficer, String nhsNumber) {
        return as(ServiceSpec.AUDIT, privacyOfficer).queryParam("nhsNumber", nhsNumber).get("/api/audit-events")
                .then().statusCode(200).extract().path("find { it.action == 'record.summary.read' }.sequence");
    }

    private static void awaitStatus(String token, String nhsNumber, int status, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int last;
        do {
            last = as(ServiceSpec.RECORD, token).get("/api/records/" + nhsNumber + "/summary").statusCode();
            if (last == status) {
                return;
            }
            sleep();
        } while (System.nanoTime() < deadline);
        throw new AssertionError("Expected " + status + " within " + timeout + " but the last answer was " + last);
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
