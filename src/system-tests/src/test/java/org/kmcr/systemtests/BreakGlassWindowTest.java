package org.kmcr.systemtests;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.kmcr.systemtests.SystemUnderTest.KEYCLOAK;
import static org.kmcr.systemtests.SystemUnderTest.as;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kmcr.common.testing.TestNhsNumbers;
import org.kmcr.systemtests.stack.DemoRegion;
import org.kmcr.systemtests.stack.ServiceSpec;

/**
 * Breaking glass opens a window (4 hours by default) in which the professional reads the record again without a
 * new reason; every such access, through the JSON and the FHIR API, is audited as break-glass and joins the
 * privacy officer's review of the break glass rather than raising an alert of its own.
 */
class BreakGlassWindowTest {

    @Test
    void everyAccessWithinTheWindowIsAuditedAsBreakGlassAndJoinsTheOneReview() {
        String nhsNumber = TestNhsNumbers.next();
        SystemUnderTest.ingest(DemoRegion.GP_SYSTEM, SystemUnderTest.summaryBundle(nhsNumber, DemoRegion.GP_PRACTICE));
        String hospital = KEYCLOAK.login(DemoRegion.HOSPITAL_CLINICIAN);
        as(ServiceSpec.RECORD, hospital).get("/api/records/" + nhsNumber + "/summary").then().statusCode(403);

        String opened = as(ServiceSpec.RECORD, hospital).contentType("application/json")
                .body(Map.of("reason", "emergency-care", "text", "Admitted via ED, needs medicines reconciliation"))
                .post("/api/records/" + nhsNumber + "/break-glass").then().statusCode(200)
                .body("access.basis", equalTo("break-glass")).body("access.privacyOfficerAlerted", equalTo(true))
                .extract().path("access.auditEventId");
        String again = as(ServiceSpec.RECORD, hospital).get("/api/records/" + nhsNumber + "/summary").then()
                .statusCode(200).body("access.basis", equalTo("break-glass"))
                .body("access.privacyOfficerAlerted", equalTo(true)).body("categories.allergies", hasSize(1))
                .extract().path("access.auditEventId");
        as(ServiceSpec.RECORD, hospital).urlEncodingEnabled(false)
                .get("/fhir/r4/Condition?patient=" + nhsNumber).then().statusCode(200).body("total", equalTo(1));

        String officer = KEYCLOAK.login(DemoRegion.PRIVACY_OFFICER);
        List<Map<String, Object>> audited = as(ServiceSpec.AUDIT, officer).queryParam("nhsNumber", nhsNumber)
                .get("/api/audit-events").then().statusCode(200).extract()
                .path("findAll { it.outcome == 'permitted' && it.actorOrg == '" + DemoRegion.TRUST + "' }");
        // the break glass, the summary read again and the FHIR search: all three audited as break-glass
        assertEquals(3, audited.size(), audited.toString());
        audited.forEach(event -> assertEquals("break-glass", event.get("accessBasis"),
                event.toString()));
        String fhirSearch = audited.stream().filter(event -> "record.fhir.search".equals(event.get("action")))
                .map(event -> (String) event.get("eventId")).findFirst().orElseThrow();

        String review = "find { it.auditEventId == '" + opened + "' }";
        as(ServiceSpec.CONSENT, officer).get("/api/break-glass-reviews?size=500").then().statusCode(200)
                .body(review + ".status", equalTo("open")).body(review + ".continuesReviewId", nullValue())
                .body(review + ".accesses.auditEventId", equalTo(List.of(again, fhirSearch)))
                .body("auditEventId", not(hasItem(again)));
    }
}
