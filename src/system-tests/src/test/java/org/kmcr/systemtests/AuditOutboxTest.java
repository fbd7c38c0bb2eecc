package org.kmcr.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.kmcr.systemtests.SystemUnderTest.CLIENT;
import static org.kmcr.systemtests.SystemUnderTest.KEYCLOAK;
import static org.kmcr.systemtests.SystemUnderTest.STACK;
import static org.kmcr.systemtests.SystemUnderTest.as;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kmcr.common.testing.TestNhsNumbers;
import org.kmcr.systemtests.stack.DemoRegion;
import org.kmcr.systemtests.stack.ManagedProcess;
import org.kmcr.systemtests.stack.ServiceSpec;

/**
 * Issue 10, items 1 and 2: the changes of identity and consent are audited through their transactional outboxes.
 * With the audit process stopped, a privacy officer still records consent directives and merges two persons; the
 * events wait in each service's outbox; once audit is back, every one of them is in the audit log exactly once.
 */
class AuditOutboxTest {

    private static final Duration DELIVERY = Duration.ofSeconds(90);

    @Test
    void whileAuditIsDownChangesGoOnAndOnceItIsBackEveryEventIsLoggedExactlyOnce() throws Exception {
        String officer = KEYCLOAK.login(DemoRegion.PRIVACY_OFFICER);
        String mergedNhsNumber = TestNhsNumbers.next();
        String survivingNhsNumber = TestNhsNumbers.next();
        SystemUnderTest.ingest(DemoRegion.GP_SYSTEM,
                SystemUnderTest.summaryBundle(mergedNhsNumber, DemoRegion.GP_PRACTICE));
        SystemUnderTest.ingest(DemoRegion.GP_SYSTEM,
                SystemUnderTest.summaryBundle(survivingNhsNumber, DemoRegion.GP_PRACTICE));
        String record = KEYCLOAK.clientCredentials("kmcr-record");
        UUID merged = CLIENT.personId(record, mergedNhsNumber);
        UUID surviving = CLIENT.personId(record, survivingNhsNumber);
        List<String> objectors = List.of(TestNhsNumbers.next(), TestNhsNumbers.next(), TestNhsNumbers.next());

        ManagedProcess audit = STACK.service(ServiceSpec.AUDIT);
        audit.stop();
        try {
            for (String nhsNumber : objectors) {
                as(ServiceSpec.CONSENT, officer).contentType("application/json")
                        .body(Map.of("nhsNumber", nhsNumber, "kind", "objection",
                                "reason", "The person objected in writing", "contact", "Kingsmere privacy office"))
                        .post("/api/consent-directives").then().statusCode(201);
            }
            as(ServiceSpec.IDENTITY, officer).contentType("application/json")
                    .body(Map.of("into", surviving, "reason", "The same person registered twice"))
                    .post("/api/persons/" + merged + "/merge").then().statusCode(201);

            for (String nhsNumber : objectors) {
                assertEquals(1, count("kmcr_consent", "SELECT count(*) FROM consent.audit_outbox"
                        + " WHERE event->>'subjectNhsNumber' = ?", nhsNumber), "the event waits in consent's outbox");
            }
            assertEquals(1, count("kmcr_identity", "SELECT count(*) FROM identity.audit_outbox"
                    + " WHERE event->>'subjectPersonId' = ?", surviving.toString()), "and in identity's");
        } finally {
            audit.start().awaitReady(Duration.ofMinutes(2));
        }

        long deadline = System.nanoTime() + DELIVERY.toNanos();
        while (System.nanoTime() < deadline && (logged(objectors, surviving) < objectors.size() + 1)) {
            Thread.sleep(500);
        }
        assertEquals(objectors.size() + 1, logged(objectors, surviving), "every event arrived");
        // the relays poll every 500 ms: a few more rounds must not send anything again
        Thread.sleep(3_000);
        for (String nhsNumber : objectors) {
            assertEquals(1, count("kmcr_audit", "SELECT count(*) FROM audit.audit_entry"
                    + " WHERE action = 'consent.directive.record' AND subject_nhs_number = ?", nhsNumber),
                    "each objection is logged exactly once");
            assertEquals(0, count("kmcr_consent", "SELECT count(*) FROM consent.audit_outbox"
                    + " WHERE event->>'subjectNhsNumber' = ?", nhsNumber), "and has left the outbox");
        }
        assertEquals(1, count("kmcr_audit", "SELECT count(*) FROM audit.audit_entry WHERE action = "
                + "'identity.person-merge' AND subject_person_id = ?::uuid", surviving.toString()),
                "the merge is logged exactly once");
        assertEquals(0, count("kmcr_identity", "SELECT count(*) FROM identity.audit_outbox"
                + " WHERE event->>'subjectPersonId' = ?", surviving.toString()));
        assertEquals(List.of("Priya Shah", "privacy-officer", DemoRegion.ICB, surviving.toString()),
                GovernanceAuditAttackTest.entries("identity.person-merge").stream()
                        .filter(entry -> surviving.toString().equals(entry.get(3))).findFirst().orElseThrow(),
                "attributed to the officer from their token, though logged after audit came back");
    }

    /** The audit entries of the test's objections and merge, counted in the audit log itself. */
    private static long logged(List<String> objectors, UUID surviving) throws SQLException {
        long found = count("kmcr_audit", "SELECT count(*) FROM audit.audit_entry WHERE action = "
                + "'identity.person-merge' AND subject_person_id = ?::uuid", surviving.toString());
        for (String nhsNumber : objectors) {
            found += count("kmcr_audit", "SELECT count(*) FROM audit.audit_entry"
                    + " WHERE action = 'consent.directive.record' AND subject_nhs_number = ?", nhsNumber);
        }
        return found;
    }

    private static long count(String role, String sql, String parameter) throws SQLException {
        try (Connection connection = STACK.database().connectAs(role);
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet found = query.executeQuery()) {
                found.next();
                return found.getLong(1);
            }
        }
    }
}
