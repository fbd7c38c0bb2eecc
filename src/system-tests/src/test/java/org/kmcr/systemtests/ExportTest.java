package org.kmcr.systemtests;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.kmcr.systemtests.SystemUnderTest.KEYCLOAK;
import static org.kmcr.systemtests.SystemUnderTest.as;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kmcr.common.testing.TestNhsNumbers;
import org.kmcr.systemtests.stack.DemoRegion;
import org.kmcr.systemtests.stack.ServiceSpec;

/**
 * An analyst's export of one person's record through record-query, with real tokens: what consent permits for
 * secondary use (never safeguarding, only the analyst's categories), and nothing for a person who joins the
 * national data opt-out, from the next request on; the GP's direct care is untouched by the opt-out.
 */
class ExportTest {

    @Test
    void anAnalystExportsOnlyWhatSecondaryUsePermitsAndNobodyOnTheOptOut() {
        String nhsNumber = TestNhsNumbers.next();
        SystemUnderTest.ingest(DemoRegion.GP_SYSTEM, SystemUnderTest.summaryBundle(nhsNumber, DemoRegion.GP_PRACTICE));
        String analyst = KEYCLOAK.login(DemoRegion.ANALYST);
        as(ServiceSpec.RECORD, analyst).get("/api/records/" + nhsNumber + "/export").then().statusCode(200)
                .contentType("application/fhir+json")
                .body("entry.resource.resourceType", hasItem("Condition"))
                // allergies and medications are not in the analyst's categories
                .body("entry.resource.resourceType", not(hasItem("AllergyIntolerance")))
                .body("entry.resource.resourceType", not(hasItem("MedicationStatement")));

        String officer = KEYCLOAK.login(DemoRegion.PRIVACY_OFFICER);
        as(ServiceSpec.CONSENT, officer).contentType("application/json")
                .body(Map.of("listDate", LocalDate.now().toString(), "nhsNumbers", List.of(nhsNumber)))
                .put("/api/national-data-opt-out").then().statusCode(200);
        as(ServiceSpec.RECORD, analyst).get("/api/records/" + nhsNumber + "/export").then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("national data opt-out"));
        // never applied to direct care
        as(ServiceSpec.RECORD, KEYCLOAK.login(DemoRegion.GP_CLINICIAN)).get("/api/records/" + nhsNumber + "/summary")
                .then().statusCode(200);
        as(ServiceSpec.AUDIT, officer).queryParam("nhsNumber", nhsNumber).get("/api/audit-events").then()
                .statusCode(200).body("findAll { it.action == 'record.export.read' }.outcome",
                        containsInAnyOrder("denied", "permitted"));
    }
}
