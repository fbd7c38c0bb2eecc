package org.kmcr.systemtests;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.kmcr.auditverifier.AuditExport;
import org.kmcr.auditverifier.CheckpointText;
import org.kmcr.auditverifier.ExportedEntry;
import org.kmcr.auditverifier.InclusionProof;
import org.kmcr.auditverifier.SignedCheckpoint;
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
                    "DELETE FROM audit.audit_entry", "DELETE FROM audit.checkpoint", "TRUNCATE audit.audit_entry",
                    "UPDATE audit.merkle_node SET hash = hash", "DELETE FROM audit.merkle_node",
                    "DELETE FROM audit.pattern_alert_review", "DROP TABLE audit.audit_entry_default"}) {
                SQLException refused = assertThrows(SQLException.class, () -> audit.createStatement().execute(sql));
                assertTrue(refused.getMessage().contains("permission denied")
                        || refused.getMessage().contains("must be owner"), refused.getMessage());
            }
        }
        try (Connection record = STACK.database().connectAs("kmcr_record")) {
            SQLException refused = assertThrows(SQLException.class,
                    () -> record.createStatement().execute("DELETE FROM record.care_item"));
            assertTrue(refused.getMessage().contains("permission denied"), refused.getMessage());
        }
    }

    @Test
    void theCitizenSeesABreakGlassAccessInPlainWordsWithItsReasonAndAProofOfIt() {
        String nhsNumber = DemoRegion.CITIZEN_NHS_NUMBER;
        SystemUnderTest.ingest(DemoRegion.GP_SYSTEM, SystemUnderTest.summaryBundle(nhsNumber, DemoRegion.GP_PRACTICE));
        String text = "Collapsed in clinic " + UUID.randomUUID().toString().substring(0, 8);
        as(ServiceSpec.RECORD, KEYCLOAK.login(DemoRegion.HOSPITAL_CLINICIAN)).contentType("application/json")
                .body(java.util.Map.of("reason", "emergency-care", "text", text))
                .post("/api/records/" + nhsNumber + "/break-glass").then().statusCode(200);
        String reason = "emergency-care: " + text;

        // at once, in plain words, with the reason
        String citizen = KEYCLOAK.login(DemoRegion.CITIZEN);
        String entry = "find { it.breakGlassReason == '" + reason + "' }";
        as(ServiceSpec.AUDIT, citizen).get("/api/me/record-accesses").then().statusCode(200)
                .body(entry + ".brokeGlass", equalTo(true))
                .body(entry + ".organisation", equalTo(DemoRegion.TRUST))
                .body(entry + ".inWords", org.hamcrest.Matchers.containsString("(break glass), giving the reason \""
                        + reason + "\"; a privacy officer reviews every such access."));

        // once a checkpoint covers it, the entry carries an inclusion proof that checks out against the signed root
        as(ServiceSpec.AUDIT, KEYCLOAK.login(DemoRegion.PRIVACY_OFFICER)).post("/api/audit-checkpoints").then()
                .statusCode(201);
        JsonPath proven = as(ServiceSpec.AUDIT, citizen).queryParam("withProofs", true).get("/api/me/record-accesses")
                .then().statusCode(200).extract().jsonPath();
        InclusionProof proof = AuditExport.JSON.convertValue(proven.getMap(entry + ".proof"), InclusionProof.class);
        SignedCheckpoint checkpoint = AuditExport.JSON.convertValue(proven.getMap(entry + ".checkpoint"),
                SignedCheckpoint.class);
        assertTrue(CheckpointText.verifies(CheckpointText.publicKey(checkpoint.publicKey()), checkpoint.text(),
                checkpoint.signature()), "the checkpoint is signed by the audit service");
        assertTrue(proof.leadsTo(checkpoint.rootHash()), "the access is in the signed log");
        ExportedEntry fields = AuditExport.entryFrom(AuditExport.JSON.valueToTree(proven.getMap(entry + ".entry")));
        assertEquals(proof.entryHash(), fields.recomputedHash(), "the fields shown are the ones logged");
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
