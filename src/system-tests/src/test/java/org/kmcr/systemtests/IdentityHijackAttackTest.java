package org.kmcr.systemtests;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.kmcr.systemtests.SystemUnderTest.KEYCLOAK;
import static org.kmcr.systemtests.SystemUnderTest.as;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kmcr.common.testing.TestNhsNumbers;
import org.kmcr.systemtests.stack.DemoRegion;
import org.kmcr.systemtests.stack.ServiceSpec;

/**
 * Issue 5, item 2: a valid NHS number alone does not attach a new source identity to an existing person when the
 * demographics contradict it. The items wait, out of the person's record, until a privacy officer decides.
 */
class IdentityHijackAttackTest {

    @Test
    void anotherPersonsDemographicsUnderTheSameNhsNumberWaitForReview() {
        String nhsNumber = TestNhsNumbers.next();
        SystemUnderTest.ingest(DemoRegion.GP_SYSTEM, SystemUnderTest.summaryBundle(nhsNumber, DemoRegion.GP_PRACTICE));

        String patientId = SystemUnderTest.newPatientId();
        String someoneElse = SystemUnderTest.summaryBundle(nhsNumber, DemoRegion.TRUST, patientId)
                .replace("\"family\": \"Jones\", \"given\": [\"Mary\", \"Ann\"]", "\"family\": \"Okafor\", \"given\": [\"Daniel\"]")
                .replace("\"gender\": \"female\"", "\"gender\": \"male\"")
                .replace("\"birthDate\": \"1950-03-14\"", "\"birthDate\": \"1988-11-02\"")
                .replace("Allergy to penicillin", "Allergy to peanut");
        SystemUnderTest.ingest(DemoRegion.TRUST_PAS, someoneElse);

        String gp = KEYCLOAK.login(DemoRegion.GP_CLINICIAN);
        as(ServiceSpec.RECORD, gp).get("/api/records/" + nhsNumber + "/summary").then().statusCode(200)
                .body("person.name", equalTo("Mary Ann Jones")).body("categories.allergies", hasSize(1))
                .body("categories.allergies[0].display", equalTo("Allergy to penicillin"));

        String privacyOfficer = KEYCLOAK.login(DemoRegion.PRIVACY_OFFICER);
        String review = "find { it.incoming.localId == '" + patientId + "' }";
        String reviewId = as(ServiceSpec.IDENTITY, privacyOfficer).queryParam("status", "open")
                .get("/api/link-reviews").then().statusCode(200)
                .body(review + ".incoming.sourceOrg", equalTo(DemoRegion.TRUST))
                .body(review + ".linked[0].demographics.family", equalTo("Jones"))
                .extract().path(review + ".id");

        as(ServiceSpec.IDENTITY, privacyOfficer).contentType("application/json")
                .body(Map.of("decision", "link", "note", "Checked with the trust: same person, data corrected"))
                .post("/api/link-reviews/" + reviewId + "/decision").then().statusCode(200);
        // the trust's allergy has the same SNOMED code as the GP's: once linked, one item with both sources
        as(ServiceSpec.RECORD, gp).get("/api/records/" + nhsNumber + "/summary").then().statusCode(200)
                .body("categories.allergies", hasSize(1)).body("categories.allergies[0].sources", hasSize(2));
    }
}
