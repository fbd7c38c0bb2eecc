package org.kmcr.systemtests;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.kmcr.systemtests.SystemUnderTest.KEYCLOAK;
import static org.kmcr.systemtests.SystemUnderTest.as;

import org.junit.jupiter.api.Test;
import org.kmcr.common.testing.TestNhsNumbers;
import org.kmcr.systemtests.stack.DemoRegion;
import org.kmcr.systemtests.stack.ServiceSpec;

/** Issue 9: a partner's bundle ingested, then read back through the FHIR API with a real Keycloak token. */
class FhirApiTest {

    static final String NHS = "https://fhir.nhs.uk/Id/nhs-number";

    @Test
    void theRegisteredGpSearchesReadsAndTakesEverythingThroughFhirAndEachPageIsAudited() {
        String nhsNumber = TestNhsNumbers.next();
        SystemUnderTest.ingest(DemoRegion.GP_SYSTEM, SystemUnderTest.summaryBundle(nhsNumber, DemoRegion.GP_PRACTICE));
        String gp = KEYCLOAK.login(DemoRegion.GP_CLINICIAN);

        String patientId = as(ServiceSpec.RECORD, gp).urlEncodingEnabled(false)
                .get("/fhir/r4/Patient?identifier=" + NHS + "%7C" + nhsNumber).then().statusCode(200)
                .contentType("application/fhir+json").body("type", equalTo("searchset")).body("total", equalTo(1))
                .body("entry[0].resource.identifier.value", hasItem(nhsNumber))
                .extract().path("entry[0].resource.id");
        String conditionId = as(ServiceSpec.RECORD, gp).urlEncodingEnabled(false)
                .get("/fhir/r4/Condition?patient=Patient/" + patientId + "&_count=1").then().statusCode(200)
                .body("total", equalTo(1)).body("entry[0].resource.resourceType", equalTo("Condition"))
                .extract().path("entry[0].resource.id");
        as(ServiceSpec.RECORD, gp).get("/fhir/r4/Condition/" + conditionId).then().statusCode(200)
                .body("id", equalTo(conditionId));
        as(ServiceSpec.RECORD, gp).urlEncodingEnabled(false)
                .get("/fhir/r4/Patient/" + nhsNumber + "/$everything?_count=2").then().statusCode(200)
                .body("total", equalTo(4)).body("entry.size()", equalTo(2))
                .body("link.relation", hasItem("next"));
        as(ServiceSpec.RECORD, gp).urlEncodingEnabled(false)
                .get("/fhir/r4/Patient/" + nhsNumber + "/$everything?_type=AllergyIntolerance,MedicationStatement")
                .then().statusCode(200).body("total", equalTo(2))
                .body("entry.resource.resourceType", hasItems("AllergyIntolerance", "MedicationStatement"));

        as(ServiceSpec.RECORD, KEYCLOAK.login(DemoRegion.HOSPITAL_CLINICIAN)).urlEncodingEnabled(false)
                .get("/fhir/r4/Condition?patient=" + nhsNumber).then().statusCode(403)
                .contentType("application/fhir+json").body("resourceType", equalTo("OperationOutcome"));

        as(ServiceSpec.AUDIT, KEYCLOAK.login(DemoRegion.PRIVACY_OFFICER)).queryParam("nhsNumber", nhsNumber)
                .get("/api/audit-events").then().statusCode(200)
                .body("action", hasItems("record.fhir.search", "record.fhir.read", "record.everything.query"))
                .body("outcome", hasItems("permitted", "denied"));
    }
}
