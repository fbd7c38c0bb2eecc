package org.kmcr.ingest.hl7;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kmcr.ingest.hl7.Hl7TestSupport.items;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.quarkus.test.InjectMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kmcr.common.audit.AuditClient;
import org.kmcr.common.consent.ConsentClient;
import org.kmcr.common.identity.IdentityClient;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.common.testing.KmcrTestEnvironment;
import org.kmcr.common.testing.TestNhsNumbers;
import org.kmcr.common.testing.TestTokens;
import org.kmcr.ingest.Neighbours;
import org.kmcr.ingest.SharedData;
import org.kmcr.ingest.mllp.MllpServer;

/** Every ADT event, cancels, merges, duplicates, late deliveries, bad messages and dependencies down, over MLLP. */
@QuarkusTest
@QuarkusTestResource(KmcrTestEnvironment.class)
class Hl7EventsTest {

    static final String PAS = TestTokens.partner("partner-rkm-pas", "RKM");

    @InjectMock
    IdentityClient identity;
    @InjectMock
    ConsentClient consent;
    @InjectMock
    AuditClient audit;
    @Inject
    MllpServer mllp;
    @Inject
    Pool pool;

    MllpClient client;
    final Hl7Messages patient = new Hl7Messages(TestNhsNumbers.next());

    @BeforeEach
    void connect() {
        Neighbours.answer(identity, consent, audit);
        client = new MllpClient(mllp.ports().get("RKM:partner-rkm-pas"));
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    String accepted(String message) {
        String ack = client.send(message);
        assertEquals("AA", MllpClient.msa(ack, 1), ack);
        return ack;
    }

    JsonObject only(String resourceType) {
        List<Row> rows = items(pool, patient.localId, resourceType);
        assertEquals(1, rows.size(), resourceType);
        return new JsonObject(rows.get(0).getString(2));
    }

    String currentLocation() {
        return only("Location").getString("name");
    }

    @Test
    void anAdmissionTransferAndDischargeMoveThePersonAndCancelsUndoExactlyTheirStep() {
        accepted(patient.adt("A01", "202605011000", "Ward 1^Room 1^Bed 1"));
        JsonObject encounter = only("Encounter");
        assertEquals("in-progress", encounter.getString("status"));
        assertEquals("IMP", encounter.getJsonObject("class").getString("code"));
        assertEquals("Ward 1, Room 1, Bed 1, Kingsmere General", currentLocation());
        assertEquals("encounters", items(pool, patient.localId, "Encounter").get(0).getString(3));

        accepted(patient.adt("A02", "202605011200", "Ward 7^Room 2^Bed 4"));
        assertEquals("Ward 7, Room 2, Bed 4, Kingsmere General", currentLocation());
        assertEquals(2, only("Encounter").getJsonArray("location").size());

        // the cancel repeats the original location in PV1-3; KMCR undoes the transfer on what it holds
        accepted(patient.adt("A12", "202605011300", "Ward 1^Room 1^Bed 1"));
        JsonObject afterCancel = only("Encounter");
        assertEquals(1, afterCancel.getJsonArray("location").size());
        assertEquals("active", afterCancel.getJsonArray("location").getJsonObject(0).getString("status"));
        assertEquals("Ward 1, Room 1, Bed 1, Kingsmere General", currentLocation());

        accepted(patient.adt("A03", "202605021000", "Jones", "I", "Ward 1^Room 1^Bed 1", "|||||||||||||||||19"));
        assertEquals("finished", only("Encounter").getString("status"));
        assertEquals("Discharged: Home (usual place of residence)", currentLocation());
        verify(consent).assertRelationship(org.mockito.ArgumentMatchers.argThat(r -> r.kind().equals("admission")
                && r.endsOn() != null && r.endsOn().toString().equals("2026-05-02")));

        accepted(patient.adt("A13", "202605021100", "Ward 1^Room 1^Bed 1"));
        assertEquals("in-progress", only("Encounter").getString("status"));
        assertTrue(!only("Encounter").getJsonObject("period").containsKey("end"));
        assertEquals("Ward 1, Room 1, Bed 1, Kingsmere General", currentLocation());

        accepted(patient.adt("A11", "202605021200", "Ward 1^Room 1^Bed 1"));
        assertEquals(0, items(pool, patient.localId, "Encounter").size());
        assertEquals(0, items(pool, patient.localId, "Location").size());
        assertEquals(2L, pool.preparedQuery("SELECT count(*) FROM record.removed_item WHERE source_identity_id = $1")
                .execute(Tuple.of(Hl7TestSupport.identityOf(patient.localId))).await().indefinitely().iterator().next()
                .getLong(0), "the removals are kept as facts, without content");
    }

    @Test
    void anAandEAttendanceOutpatientAndPreAdmissionAreEncountersOfTheirKind() {
        accepted(patient.adt("A04", "202605011000", "Jones", "E", "ED^Bay 3", ""));
        assertEquals("EMER", only("Encounter").getJsonObject("class").getString("code"));
        assertEquals("ER", only("Location").getJsonArray("type").getJsonObject(0).getJsonArray("coding")
                .getJsonObject(0).getString("code"));
        verify(consent).assertRelationship(org.mockito.ArgumentMatchers.argThat(r -> r.kind().equals("encounter")));
        Hl7Messages other = new Hl7Messages(TestNhsNumbers.next());
        accepted(other.adt("A05", "202605011000", "Jones", "P", "Ward 9", ""));
        assertEquals("planned", new JsonObject(items(pool, other.localId, "Encounter").get(0).getString(2))
                .getString("status"));
        assertEquals(0, items(pool, other.localId, "Location").size(), "a pre-admission does not move the person");
    }

    @Test
    void patientUpdatesApplyInSourceOrderAndRepeatsChangeNothing() {
        String a08 = patient.adt("A08", "202605011000", "Jones-Smith", "I", "Ward 1", "");
        accepted(a08);
        accepted(patient.adt("A31", "202605011100", "Smith", "I", "Ward 1", ""));
        String before = pool.preparedQuery("SELECT version || ':' || updated_at FROM record.care_item WHERE "
                + "source_identity_id = $1 AND resource_type = 'Patient'").execute(Tuple.of(Hl7TestSupport.identityOf(
                        patient.localId))).await().indefinitely().iterator().next().getString(0);
        accepted(a08); // late: older than what is stored
        accepted(patient.adt("A28", "202605010900", "Old-Name", "I", "Ward 1", ""));
        assertEquals("Smith", only("Patient").getJsonArray("name").getJsonObject(0).getString("family"));
        String after = pool.preparedQuery("SELECT version || ':' || updated_at FROM record.care_item WHERE "
                + "source_identity_id = $1 AND resource_type = 'Patient'").execute(Tuple.of(Hl7TestSupport.identityOf(
                        patient.localId))).await().indefinitely().iterator().next().getString(0);
        assertEquals(before, after);
    }

    @Test
    void resultsAboutAPatientJustResolvedAskTheMpiAgainOnlyWhenItsDetailsChangeOrItsLinkIsNotSettled() {
        accepted(patient.adt("A01", "202605011000", "Ward 1")); // asserts an admission and a GP registration
        accepted(patient.oru("Jones")); // no PD1: not the A01's facts
        accepted(patient.oru("Jones"));
        accepted(patient.oru("Jones"));
        verify(identity, times(2)).resolve(argThat(p -> p.localId().equals(patient.localId)));
        accepted(patient.oru("Jones-Smith"));
        verify(identity, times(3)).resolve(argThat(p -> p.localId().equals(patient.localId)));
        assertEquals(4, items(pool, patient.localId, "DiagnosticReport").size(), "every result is stored");
    }

    @Test
    void escapesAndCharacterSetsAreDecoded() {
        String message = patient.adt("A08", "202605011000", "O\\T\\Brien", "I", "Ward 1", "")
                .replace("|P|2.4\r", "|P|2.4||||||8859/1\r").replace("^Mary^", "^Zoë^");
        String ack = client.send(message, StandardCharsets.ISO_8859_1);
        assertEquals("AA", MllpClient.msa(ack, 1), ack);
        JsonObject name = only("Patient").getJsonArray("name").getJsonObject(0);
        assertEquals("O&Brien", name.getString("family"));
        assertEquals("Zoë", name.getJsonArray("given").getString(0));
        Hl7Messages welsh = new Hl7Messages(TestNhsNumbers.next());
        String utf8 = welsh.adt("A08", "202605011000", "Siân\\F\\Jones", "I", "Ward 1", "")
                .replace("|P|2.4\r", "|P|2.4||||||UNICODE UTF-8\r");
        assertEquals("AA", MllpClient.msa(client.send(utf8, StandardCharsets.UTF_8), 1));
        assertEquals("Siân|Jones", new JsonObject(items(pool, welsh.localId, "Patient").get(0).getString(2))
                .getJsonArray("name").getJsonObject(0).getString("family"));
    }

    @Test
    void theSimulatedHospitalsInvalidMessagesGetAnErrorAckAndBecomeDeadLetters() {
        Map<String, List<String>> cases = SharedData.invalidMessages();
        String pid = patient.pid("Jones");
        Map<String, String> expectedField = Map.of("InvalidNhsNum", "PID", "InvalidOru_MissingPlacerAndFiller", "OBR");
        assertEquals(expectedField.keySet(), cases.keySet());
        int n = 0;
        for (Map.Entry<String, List<String>> test : cases.entrySet()) {
            String control = patient.localId + "-invalid-" + (++n);
            String message = String.join("\r", test.getValue()).replaceFirst("%s", "20260501100000")
                    .replaceFirst("%s", control).replace("PID_SEGMENT_PLACEHOLDER", pid) + "\r";
            String ack = client.send(message);
            assertEquals("AE", MllpClient.msa(ack, 1), test.getKey() + ": " + ack);
            assertEquals(control, MllpClient.msa(ack, 2));
            assertEquals(expectedField.get(test.getKey()), MllpClient.err(ack, 2).split("\\^")[0], ack);
            assertEquals("101^^HL70357", MllpClient.err(ack, 3));
            assertTrue(MllpClient.msa(ack, 3).contains("kept as dead letter"), ack);
            assertEquals(1L, deadLetters(control));
        }
    }

    @Test
    void unreadableMessagesAndEventsKmcrDoesNotTakeAreRejected() {
        String ack = client.send("this is not HL7");
        assertEquals("AR", MllpClient.msa(ack, 1), ack);
        String a99 = patient.adt("A99", "202605011000", "Ward 1");
        String unsupported = client.send(a99);
        assertEquals("AR", MllpClient.msa(unsupported, 1));
        assertEquals("201^^HL70357", MllpClient.err(unsupported, 3));
        assertTrue(MllpClient.msa(unsupported, 3).contains("does not take ADT\\S\\A99"), unsupported);
        assertEquals(0, items(pool, patient.localId, "Patient").size());
    }

    @Test
    void whenIdentityIsDownTheSenderIsToldToResendAndTheMessageIsKept() {
        doReturn(Uni.createFrom().failure(ProblemException.unavailable("The identity service is unavailable, so the "
                + "patient could not be matched"))).when(identity).resolve(any());
        String message = patient.adt("A01", "202605011000", "Ward 1");
        String ack = client.send(message);
        assertEquals("AR", MllpClient.msa(ack, 1), ack);
        assertTrue(MllpClient.msa(ack, 3).contains("identity service is unavailable"), ack);
        verify(consent, never()).assertRelationship(any());
        Neighbours.answer(identity, consent, audit);
        accepted(message); // the resend completes it
        assertEquals("in-progress", only("Encounter").getString("status"));
    }

    @Test
    void aMergeGoesToIdentityAndIsKeptWhenIdentityDoesNotTakeMergesYet() {
        doReturn(Uni.createFrom().failure(new ProblemException(502, "Bad gateway", "The identity service refused "
                + "KMCR's request"))).when(identity).merge(any());
        String a40 = "MSH|^~\\&|PAS|RKM|KMCR|KMCR|202605011000||ADT^A40^ADT_A39|" + patient.nextControlId() + "|P|2.5\r"
                + "EVN|A40|202605011000\r" + patient.pid("Jones") + "\rMRG|OLD123^^^RKM^MR\r";
        String ack = client.send(a40);
        assertEquals("AE", MllpClient.msa(ack, 1), ack);
        assertTrue(MllpClient.msa(ack, 3).contains("did not accept the merge of local patient id OLD123"), ack);
        assertEquals(1, items(pool, patient.localId, "Patient").size(), "the surviving patient is stored");
        verify(identity).merge(org.mockito.ArgumentMatchers.argThat(m -> m.mergedLocalId().equals("OLD123")
                && m.survivingLocalId().equals(patient.localId)));
        String id = pool.preparedQuery("SELECT id::text FROM ingest.dead_letter WHERE payload LIKE $1")
                .execute(Tuple.of("%" + patient.localId + "%A40%")).await().indefinitely().iterator().next()
                .getString(0);
        doReturn(Uni.createFrom().item(new org.kmcr.common.identity.ResolvedIdentity(null, null, null, null)))
                .when(identity).merge(any());
        given().auth().oauth2(PAS).post("/api/dead-letters/" + id + "/replay").then().statusCode(200)
                .contentType("application/hl7-v2").body(containsString("MSA|AA|"));
    }

    @Test
    void theSameMessagesAreTakenOverRestFromPartnersOnly() {
        String message = patient.adt("A01", "202605011000", "Ward 1");
        given().auth().oauth2(PAS).contentType("application/hl7-v2").body(message.getBytes(StandardCharsets.UTF_8)).post("/api/hl7v2/messages").then()
                .statusCode(200).contentType("application/hl7-v2").body(containsString("MSA|AA|"));
        assertEquals(1, items(pool, patient.localId, "Encounter").size());
        given().auth().oauth2(PAS).contentType("application/hl7-v2").body("MSH|^~\\&|x".getBytes(StandardCharsets.UTF_8)).post("/api/hl7v2/messages").then()
                .statusCode(400).body(containsString("MSA|AR|"));
        given().contentType("application/hl7-v2").body(message.getBytes(StandardCharsets.UTF_8)).post("/api/hl7v2/messages").then().statusCode(401);
        given().auth().oauth2(TestTokens.user("dr", "clinician", "RKM")).contentType("application/hl7-v2")
                .body(message.getBytes(StandardCharsets.UTF_8)).post("/api/hl7v2/messages").then().statusCode(403);
    }

    @Test
    void aSenderThatLostTheAckResendsAndNothingIsDuplicated() throws Exception {
        String message = patient.adt("A01", "202605011000", "Ward 1");
        try (java.net.Socket crashing = new java.net.Socket("localhost", mllp.ports().get("RKM:partner-rkm-pas"))) {
            crashing.getOutputStream().write(("\u000b" + message + "\u001c\r").getBytes(StandardCharsets.UTF_8));
            crashing.getOutputStream().flush();
            long deadline = System.currentTimeMillis() + 10_000;
            while (items(pool, patient.localId, "Encounter").isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
        } // closed without reading the ACK, as a sender that crashed would
        accepted(message);
        assertEquals(1, items(pool, patient.localId, "Encounter").size());
        assertEquals(1, pool.preparedQuery("SELECT version FROM record.care_item WHERE source_identity_id = $1 AND "
                + "resource_type = 'Encounter'").execute(Tuple.of(Hl7TestSupport.identityOf(patient.localId))).await()
                .indefinitely().iterator().next().getInteger(0), "the resent message changed nothing");
    }

    long deadLetters(String controlId) {
        return pool.preparedQuery("SELECT count(*) FROM ingest.dead_letter WHERE content_type = 'application/hl7-v2' "
                + "AND payload LIKE $1").execute(Tuple.of("%|" + controlId + "|%")).await().indefinitely().iterator()
                .next().getLong(0);
    }
}
