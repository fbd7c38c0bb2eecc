package org.kmcr.systemtests;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.kmcr.systemtests.SystemUnderTest.KEYCLOAK;
import static org.kmcr.systemtests.SystemUnderTest.as;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.kmcr.common.testing.TestNhsNumbers;
import org.kmcr.systemtests.stack.DemoRegion;
import org.kmcr.systemtests.stack.ServiceSpec;

/**
 * Issue 5, item 6: no leaks through answers. Callers who could never see a record get the same answer whether
 * or not KMCR holds the number; answers carry no system-wide counter; stored FHIR carries only what its category
 * allows.
 */
class AnswerLeakAttackTest {

    static Response summary(String token, String nhsNumber) {
        return as(ServiceSpec.RECORD, token).get("/api/records/" + nhsNumber + "/summary");
    }

    static void sameAnswer(String token, String held, String notHeld) {
        Response forHeld = summary(token, held);
        Response forNotHeld = summary(token, notHeld);
        assertEquals(forHeld.statusCode(), forNotHeld.statusCode());
        assertEquals(forHeld.asString(), forNotHeld.asString());
    }

    @Test
    void callersWhoCouldNeverSeeARecordCannotTellWhetherKmcrHoldsTheNumber() {
        String held = TestNhsNumbers.next();
        SystemUnderTest.ingest(DemoRegion.GP_SYSTEM, SystemUnderTest.summaryBundle(held, DemoRegion.GP_PRACTICE));
        String notHeld = TestNhsNumbers.next();

        String outsider = KEYCLOAK.login(DemoRegion.OUTSIDER_CLINICIAN);
        sameAnswer(outsider, held, notHeld);
        assertEquals(403, summary(outsider, held).statusCode());
        as(ServiceSpec.RECORD, outsider).contentType("application/json")
                .body(java.util.Map.of("reason", "emergency-care", "text", "Emergency, need allergies now"))
                .post("/api/records/" + notHeld + "/break-glass").then().statusCode(403);

        String citizen = KEYCLOAK.login(DemoRegion.CITIZEN);
        sameAnswer(citizen, held, notHeld);
        assertEquals(403, summary(citizen, held).statusCode());

        // a partner's clinician, who could see a record by breaking glass, is told there is none
        assertEquals(404, summary(KEYCLOAK.login(DemoRegion.HOSPITAL_CLINICIAN), notHeld).statusCode());
    }

    @Test
    void answersToPeopleCarryNoAuditSequence() {
        String nhsNumber = TestNhsNumbers.next();
        SystemUnderTest.ingest(DemoRegion.GP_SYSTEM, SystemUnderTest.summaryBundle(nhsNumber, DemoRegion.GP_PRACTICE));
        String gp = KEYCLOAK.login(DemoRegion.GP_CLINICIAN);
        summary(gp, nhsNumber).then().statusCode(200).body("access", not(hasKey("auditSequence")))
                .body("access", hasKey("auditEventId"));
        as(ServiceSpec.AUDIT, KEYCLOAK.login(DemoRegion.CITIZEN)).get("/api/me/record-accesses").then()
                .statusCode(200).body("[0]", not(hasKey("sequence")));
    }

    @Test
    void storedFhirCarriesOnlyWhatItsCategoryAllows() {
        String nhsNumber = TestNhsNumbers.next();
        String patientId = SystemUnderTest.newPatientId();
        String bundle = SystemUnderTest.summaryBundle(nhsNumber, DemoRegion.GP_PRACTICE, patientId)
                .replace("\"patient\": {\"reference\": \"Patient/" + patientId + "\"}",
                        "\"patient\": {\"reference\": \"Patient/" + patientId + "\", \"display\": \"Mary Ann Jones\"}, "
                        + "\"text\": {\"status\": \"generated\", \"div\": \"<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\">"
                        + "Seen at the sexual health clinic</div>\"}");
        SystemUnderTest.ingest(DemoRegion.GP_SYSTEM, bundle);
        String fhir = as(ServiceSpec.RECORD, KEYCLOAK.login(DemoRegion.GP_CLINICIAN)).urlEncodingEnabled(false)
                .queryParam("identifier", "https://fhir.nhs.uk/Id/nhs-number%7C" + nhsNumber)
                .get("/fhir/r4/Patient/$summary").then().statusCode(200).extract().asString();
        com.fasterxml.jackson.databind.JsonNode allergy = null;
        for (com.fasterxml.jackson.databind.JsonNode entry : org.kmcr.systemtests.stack.KmcrClient.read(fhir)
                .path("entry")) {
            if ("AllergyIntolerance".equals(entry.path("resource").path("resourceType").asText())) {
                allergy = entry.path("resource");
            }
        }
        assertFalse(fhir.contains("sexual health"), "narrative is dropped");
        assertEquals("Patient/" + patientId, allergy.path("patient").path("reference").asText());
        assertFalse(allergy.path("patient").has("display"), "the allergy's reference to the patient carries no name");
        assertFalse(allergy.has("text"), "narrative is dropped");

        String contained = SystemUnderTest.summaryBundle(TestNhsNumbers.next(), DemoRegion.GP_PRACTICE)
                .replace("\"recordedDate\": \"2019-06-01\"",
                        "\"recordedDate\": \"2019-06-01\", \"contained\": [{\"resourceType\": \"Patient\", \"id\": \"x\"}]");
        as(ServiceSpec.INGEST, KEYCLOAK.clientCredentials(DemoRegion.GP_SYSTEM)).contentType("application/fhir+json")
                .body(contained).post("/fhir/r4").then().statusCode(422)
                .body("issue[0].expression[0]", equalTo("Bundle.entry[1].resource.contained"));
    }
}
