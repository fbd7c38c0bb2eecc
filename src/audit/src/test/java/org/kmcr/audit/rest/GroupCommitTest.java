package org.kmcr.audit.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.kmcr.audit.service.GroupCommit;
import org.kmcr.audit.testing.HeldLog;
import org.kmcr.common.testing.KmcrTestEnvironment;
import org.kmcr.common.testing.TestNhsNumbers;

/**
 * Group commit, seen from outside: concurrent appends wait while a transaction holds the log, then commit together
 * in one transaction (one recorded time), in one unbroken chain; a batch that fails fails every request in it and
 * writes nothing; an event id names one event, so a retry answers the original receipt and other content is refused.
 */
@QuarkusTest
@QuarkusTestResource(KmcrTestEnvironment.class)
class GroupCommitTest {

    static final String SERVICE = AuditEventResourceTest.SERVICE;

    @Inject
    GroupCommit groupCommit;

    @Test
    void appendsWaitingTogetherCommitInOneTransactionAndOneUnbrokenChain() throws Exception {
        List<Map<String, Object>> events = events(40, "relationship");
        List<Response> answers = sendBehindHeldLog(events);
        Set<Long> sequences = new TreeSet<>();
        for (Response answer : answers) {
            assertEquals(201, answer.statusCode(), answer.asString());
            sequences.add(answer.jsonPath().getLong("sequence"));
        }
        assertEquals(events.size(), sequences.size(), "one place in the log per event");
        long first = sequences.iterator().next();
        assertEquals(first + events.size() - 1, (long) ((TreeSet<Long>) sequences).last(), "no gaps");
        // all but the first waited behind the held lock and were committed together: one recorded time
        assertTrue(recordedTimes(events) <= 2, "events committed in at most two transactions");
        ChainTamperingTest.verification().body("valid", equalTo(true));
    }

    @Test
    void aFailedBatchFailsEveryRequestInItAndWritesNothing() throws Exception {
        List<Map<String, Object>> events = events(12, "relationship");
        Map<String, Object> poisoned = new HashMap<>(events.get(events.size() - 1));
        poisoned.put("action", "test.refused-by-the-database");
        events.set(events.size() - 1, poisoned);
        KmcrTestEnvironment.database().execute("""
                CREATE FUNCTION audit.refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.action = 'test.refused-by-the-database' THEN RAISE EXCEPTION 'refused'; END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER refuse_poison BEFORE INSERT ON audit.audit_entry
                    FOR EACH ROW EXECUTE FUNCTION audit.refuse_poison()""");
        List<Response> answers;
        try {
            // the first event goes alone and waits for the lock; the others gather behind it, the poison among them
            answers = sendBehindHeldLog(events);
        } finally {
            KmcrTestEnvironment.database().execute(
                    "DROP TRIGGER refuse_poison ON audit.audit_entry; DROP FUNCTION audit.refuse_poison()");
        }
        assertEquals(201, answers.get(0).statusCode(), answers.get(0).asString());
        for (Response refused : answers.subList(1, answers.size())) {
            assertEquals(503, refused.statusCode(), refused.asString());
            assertTrue(refused.contentType().startsWith("application/problem+json"));
        }
        assertEquals(1, countOf(events), "only the event committed before the failed batch is in the log");
        ChainTamperingTest.verification().body("valid", equalTo(true));

        // the refused events were not written, so sending them again records them
        for (Map<String, Object> event : events.subList(1, events.size() - 1)) {
            AuditEventResourceTest.append(event);
        }
        assertEquals(events.size() - 1, countOf(events));
    }

    @Test
    void theSameEventIdWithOtherContentIsRefused() {
        UUID id = UUID.randomUUID();
        String nhsNumber = TestNhsNumbers.next();
        Map<String, Object> original = AuditEventResourceTest.event(id, nhsNumber, "relationship", null);
        int sequence = AuditEventResourceTest.append(original);
        String hash = given().auth().oauth2(SERVICE).contentType(ContentType.JSON).body(original)
                .post("/api/audit-events").then().statusCode(201).body("sequence", equalTo(sequence))
                .extract().path("hash");

        Map<String, Object> changed = new HashMap<>(original);
        changed.put("subjectNhsNumber", TestNhsNumbers.next());
        given().auth().oauth2(SERVICE).contentType(ContentType.JSON).body(changed).post("/api/audit-events").then()
                .statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("Audit event " + id
                        + " is already in the log with different content: an event id names one event"));
        given().auth().oauth2(AuditEventResourceTest.PRIVACY_OFFICER).get("/api/audit-events/" + sequence).then()
                .statusCode(200).body("subjectNhsNumber", equalTo(nhsNumber)).body("hash", equalTo(hash));
    }

    @Test
    void twoDifferentEventsWithOneIdInTheSameBatchRecordTheFirstToArriveOnly() throws Exception {
        UUID id = UUID.randomUUID();
        String nhsNumber = TestNhsNumbers.next();
        Map<String, Object> permitted = AuditEventResourceTest.event(id, nhsNumber, "relationship", null);
        Map<String, Object> denied = new HashMap<>(permitted);
        denied.put("outcome", "denied");
        List<Map<String, Object>> sent = List.of(permitted, denied, permitted);
        List<Response> answers = sendBehindHeldLog(List.of(AuditEventResourceTest.event(UUID.randomUUID(),
                TestNhsNumbers.next(), "relationship", null), permitted, denied, permitted)).subList(1, 4);

        String recorded = given().auth().oauth2(AuditEventResourceTest.PRIVACY_OFFICER)
                .queryParam("nhsNumber", nhsNumber).get("/api/audit-events").then().statusCode(200)
                .body("$", org.hamcrest.Matchers.hasSize(1)).extract().path("[0].outcome");
        for (int i = 0; i < sent.size(); i++) {
            boolean same = recorded.equals(sent.get(i).get("outcome"));
            assertEquals(same ? 201 : 409, answers.get(i).statusCode(), answers.get(i).asString());
            if (!same) {
                answers.get(i).then().body("detail", containsString(id.toString()));
            }
        }
    }

    static List<Map<String, Object>> events(int count, String basis) {
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(new HashMap<>(AuditEventResourceTest.event(UUID.randomUUID(), TestNhsNumbers.next(), basis,
                    null)));
        }
        return events;
    }

    /**
     * Sends the first event and waits until its transaction waits for the held lock; then sends the others at
     * once and waits until they all wait in the queue behind it, so that they form one batch; then releases the
     * lock. The answers, in the order of the events.
     */
    List<Response> sendBehindHeldLog(List<Map<String, Object>> events) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(events.size());
        try (HeldLog held = HeldLog.hold()) {
            List<Future<Response>> sent = new ArrayList<>();
            sent.add(senders.submit(() -> post(events.get(0))));
            held.awaitTransactionWaiting();
            for (Map<String, Object> event : events.subList(1, events.size())) {
                sent.add(senders.submit(() -> post(event)));
            }
            HeldLog.awaitTrue(groupCommit::waiting, events.size() - 1);
            held.close();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> answer : sent) {
                answers.add(answer.get(30, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            senders.shutdown();
        }
    }

    static Response post(Map<String, Object> event) {
        return given().auth().oauth2(SERVICE).contentType(ContentType.JSON).body(event).post("/api/audit-events")
                .andReturn();
    }

    static long countOf(List<Map<String, Object>> events) throws SQLException {
        return queryLong("SELECT count(*) FROM audit.audit_entry WHERE event_id IN (" + ids(events) + ")");
    }

    static long recordedTimes(List<Map<String, Object>> events) throws SQLException {
        return queryLong("SELECT count(DISTINCT recorded_at) FROM audit.audit_entry WHERE event_id IN ("
                + ids(events) + ")");
    }

    private static String ids(List<Map<String, Object>> events) {
        return String.join(", ", events.stream().map(e -> "'" + e.get("id") + "'").toList());
    }

    private static long queryLong(String sql) throws SQLException {
        try (Connection c = KmcrTestEnvironment.database().connectAs("postgres"); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
