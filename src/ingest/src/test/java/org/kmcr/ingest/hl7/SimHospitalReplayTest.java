package org.kmcr.ingest.hl7;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kmcr.ingest.hl7.Hl7TestSupport.component;
import static org.kmcr.ingest.hl7.Hl7TestSupport.field;
import static org.kmcr.ingest.hl7.Hl7TestSupport.items;
import static org.kmcr.ingest.hl7.Hl7TestSupport.segments;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.verify;

import io.quarkus.test.InjectMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kmcr.common.audit.AuditClient;
import org.kmcr.common.consent.ConsentClient;
import org.kmcr.common.identity.IdentityClient;
import org.kmcr.common.identity.ResolvedIdentity;
import org.kmcr.common.testing.KmcrTestEnvironment;
import org.kmcr.ingest.Neighbours;
import org.kmcr.ingest.SharedData;
import org.kmcr.ingest.mllp.MllpServer;

/**
 * The proof of the HL7 v2 feed: all 1,013 Simulated Hospital messages over a real MLLP socket, each acknowledged AA
 * with its own control id, and a sample of patients' stored records checked against the messages themselves.
 */
@QuarkusTest
@QuarkusTestResource(KmcrTestEnvironment.class)
class SimHospitalReplayTest {

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

    @Test
    void everyMessageIsAcceptedAndTheSampledRecordsMatchTheMessages() {
        Neighbours.answer(identity, consent, audit);
        org.mockito.Mockito.doReturn(Uni.createFrom().item(new ResolvedIdentity(null, null, null, null)))
                .when(identity).merge(org.mockito.ArgumentMatchers.any());
        List<String> messages = SharedData.simHospitalMessages();
        assertEquals(1013, messages.size());
        try (MllpClient client = new MllpClient(mllp.ports().get("RKM:partner-rkm-pas"))) {
            for (String message : messages) {
                String ack = client.send(message);
                assertEquals("AA", MllpClient.msa(ack, 1), () -> "not accepted: " + ack);
                assertEquals(field(message, "MSH", 10), MllpClient.msa(ack, 2), "MSA-2 echoes MSH-10");
            }
        }
        Map<String, List<String>> byPatient = new LinkedHashMap<>();
        for (String message : messages) {
            byPatient.computeIfAbsent(component(field(message, "PID", 3).split("~")[0], 1), k -> new ArrayList<>())
                    .add(message);
        }
        List<String> sample = new ArrayList<>();
        int i = 0;
        for (String patient : byPatient.keySet()) {
            if (i++ % 25 == 0) {
                sample.add(patient);
            }
        }
        sample.addAll(List.of("2590157853", "1076943130", "3898498329", "2777246431"));
        for (String patient : sample) {
            checkRecord(patient, byPatient.get(patient));
        }
        verify(identity).merge(argThat(m -> m.survivingLocalId().equals("2777246431")
                && m.mergedLocalId().equals("618454581") && m.sourceOrg().equals("RKM")));
        verify(consent, atLeastOnce()).assertRelationship(argThat(r -> r.kind().equals("admission")
                && r.orgCode().equals("RKM")));
    }

    private void checkRecord(String localId, List<String> messages) {
        String last = messages.get(messages.size() - 1);
        List<Row> patients = items(pool, localId, "Patient");
        assertEquals(1, patients.size(), localId);
        JsonObject patient = new JsonObject(patients.get(0).getString(2));
        assertEquals(component(field(last, "PID", 5), 1), patient.getJsonArray("name").getJsonObject(0)
                .getString("family"));
        String nhs = component(field(last, "PID", 3).split("~")[1], 1);
        assertTrue(patient.getJsonArray("identifier").encode().contains("\"" + nhs + "\""), localId);

        Set<String> reports = new LinkedHashSet<>();
        Set<String> observations = new LinkedHashSet<>();
        Set<String> visits = new LinkedHashSet<>();
        Set<String> documents = new LinkedHashSet<>();
        String lastWard = null;
        for (String message : messages) {
            String type = field(message, "MSH", 9);
            if (type.startsWith("ORU")) {
                String filler = component(field(message, "OBR", 3), 1);
                reports.add(filler);
                segments(message, "OBX").forEach(obx -> observations.add(filler + "-" + obx.split("\\|")[1]));
            } else if (type.equals("ADT^A01")) {
                visits.add(component(field(message, "PV1", 19), 1));
                lastWard = component(field(message, "PV1", 3), 1);
            } else if (type.startsWith("MDM")) {
                documents.add(component(field(message, "TXA", 12), 1));
            }
        }
        assertEquals(reports, ids(items(pool, localId, "DiagnosticReport")), localId + " reports");
        assertEquals(observations, ids(items(pool, localId, "Observation")), localId + " observations");
        assertEquals(visits, ids(items(pool, localId, "Encounter")), localId + " encounters");
        assertEquals(documents, ids(items(pool, localId, "DocumentReference")), localId + " documents");
        if (lastWard != null) {
            List<Row> location = items(pool, localId, "Location");
            assertEquals(1, location.size());
            assertTrue(location.get(0).getString(5).startsWith(lastWard), location.get(0).getString(5));
            assertEquals("location", location.get(0).getString(3));
        }
        for (String message : messages) {
            if (field(message, "MSH", 9).startsWith("ORU")) {
                checkFirstResult(localId, message);
                break;
            }
        }
    }

    /** The first OBX of the patient's first result: value, unit, reference range and abnormal flag as sent. */
    private void checkFirstResult(String localId, String message) {
        String obx = segments(message, "OBX").get(0);
        String[] f = obx.split("\\|", -1);
        String id = component(field(message, "OBR", 3), 1) + "-" + f[1];
        Row row = items(pool, localId, "Observation").stream().filter(r -> r.getString(1).equals(id)).findFirst()
                .orElseThrow();
        JsonObject observation = new JsonObject(row.getString(2));
        assertEquals("results", row.getString(3));
        assertEquals(component(f[3], 1), observation.getJsonObject("code").getJsonArray("coding").getJsonObject(0)
                .getString("code"));
        if ("NM".equals(f[2]) && f[5].matches("-?[\\d.]+")) {
            assertEquals(Double.parseDouble(f[5]), observation.getJsonObject("valueQuantity").getDouble("value"));
            assertEquals(f[6], observation.getJsonObject("valueQuantity").getString("unit"));
        }
        if (f[7].matches("\\s*[\\d.]+\\s*-\\s*[\\d.]+\\s*")) {
            JsonObject range = observation.getJsonArray("referenceRange").getJsonObject(0);
            assertEquals(Double.parseDouble(f[7].split("-")[0].trim()), range.getJsonObject("low").getDouble("value"));
            assertEquals(Double.parseDouble(f[7].split("-")[1].trim()), range.getJsonObject("high").getDouble("value"));
        }
        if (!f[8].isEmpty()) {
            assertEquals(f[8], observation.getJsonArray("interpretation").getJsonObject(0).getJsonArray("coding")
                    .getJsonObject(0).getString("code"));
        }
    }

    private static Set<String> ids(List<Row> rows) {
        Set<String> ids = new LinkedHashSet<>();
        rows.forEach(r -> ids.add(r.getString(1)));
        return ids;
    }
}
