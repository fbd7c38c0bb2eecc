package org.kmcr.systemtests;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.kmcr.systemtests.SystemUnderTest.KEYCLOAK;
import static org.kmcr.systemtests.SystemUnderTest.as;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kmcr.common.testing.TestNhsNumbers;
import org.kmcr.systemtests.stack.DemoRegion;
import org.kmcr.systemtests.stack.ServiceSpec;

/** Steps 3-5: professionals and citizens read a summary; consent decides; every access is audited. */
class SummaryAccessTest {

    static final String BREAK_GLASS_REASON = "Unconscious in ED, no history available from family";

    @Test
    void theRegisteredGpSeesTheSummaryWithProvenanceAsJsonAndFhir() {
        String nhsNumber = TestNhsNumbers.next();
        SystemUnderTest.ingest(DemoRegion.GP_SYSTEM, SystemUnderTest.summaryBundle(nhsNumber, DemoRegion.GP_PRACTICE));
        String gp = KEYCLOAK.login(DemoRegion.GP_CLINICIAN);

        as(ServiceSpec.RECORD, gp).get("/api/records/" + nhsNumber + "/summary").then().statusCode(200)
                .body("person.nhsNumber", equalTo(nhsNumber))
                .body("person.name", equalTo("Mary Ann Jones"))
                .body("access.basis", equalTo("gp-registration"))
                .body("categories.allergies[0].display", equalTo("Allergy to penicillin"))
                .body("categories.allergies[0].sources[0].sourceOrg", equalTo(DemoRegion.GP_PRACTICE))
                .body("categories.allergies[0].sources[0].sourceSystem", equalTo(DemoRegion.GP_SYSTEM))
                .body("categories.medications[0].display", equalTo("Ramipril 5mg capsules"))
                .body("categories.conditions[0].display", equalTo("Hypertensive disorder"));

        as(ServiceSpec.RECORD, gp).urlEncodingEnabled(false)
                .queryParam("identifier", "https://fhir.nhs.uk/Id/nhs-number%7C" + nhsNumber)
                .get("/fhir/r4/Patient/$summary").then().statusCode(200)
                .contentType("application/fhir+json")
                .body("resourceType", equalTo("Bundle")).body("entry", hasSize(4))
                .body("entry.resource.resourceType",
                        hasItems("Patient", "AllergyIntolerance", "MedicationStatement", "Condition"));
    }

    @Test
    void withoutARelationshipAClinicianGets403WithTheReason() {
        String nhsNumber = TestNhsNumbers.next();
        SystemUnderTest.ingest(DemoRegion.GP_SYSTEM, SystemUnderTest.summaryBundle(nhsNumber, DemoRegion.GP_PRACTICE));
        as(ServiceSpec.RECORD, KEYCLOAK.login(DemoRegion.HOSPITAL_CLINICIAN))
                .get("/api/records/" + nhsNumber + "/summary").then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("RKM has no legitimate relationship with this person"))
                .body("detail", containsString("break glass"));
    }

    @Test
    void breakingGlassDisclosesAuditsTheReasonAndQueuesAReview() {
        String nhsNumber = TestNhsNumbers.next();
        SystemUnderTest.ingest(DemoRegion.GP_SYSTEM, SystemUnderTest.summaryBundle(nhsNumber, DemoRegion.GP_PRACTICE));
        as(ServiceSpec.RECORD, KEYCLOAK.login(DemoRegion.HOSPITAL_CLINICIAN)).contentType("application/json")
                .body(Map.of("reason", "emergency-care", "text", BREAK_GLASS_REASON))
                .post("/api/records/" + nhsNumber + "/break-glass").then().statusCode(200)
                .body("access.basis", equalTo("break-glass"))
                .body("access.obligations", hasItem("alert-privacy-officer"))
                .body("categories.allergies", hasSize(1));

        String privacyOfficer = KEYCLOAK.login(DemoRegion.PRIVACY_OFFICER);
        // searched by action: ingest's write reaches audit through its outbox and may land after the read
        as(ServiceSpec.AUDIT, privacyOfficer).queryParam("nhsNumber", nhsNumber)
                .queryParam("action", "record.summary.read").get("/api/audit-events").then()
                .statusCode(200).body("", hasSize(1))
                .body("[0].accessBasis", equalTo("break-glass"))
                .body("[0].breakGlassReason", equalTo("emergency-care: " + BREAK_GLASS_REASON))
                .body("[0].actorOrg", equalTo(DemoRegion.TRUST))
                .body("[0].actorName", equalTo("Tom Reed"))
                .body("[0].outcome", equalTo("permitted"));
        as(ServiceSpec.CONSENT, privacyOfficer).queryParam("status", "open").get("/api/break-glass-reviews").then()
                .statusCode(200).body("reason", hasItem("emergency-care: " + BREAK_GLASS_REASON));
    }

    @Test
    void anOrganisationOutsideTheAgreementSeesNothingEvenBreakingGlass() {
        String nhsNumber = TestNhsNumbers.next();
        SystemUnderTest.ingest(DemoRegion.GP_SYSTEM, SystemUnderTest.summaryBundle(nhsNumber, DemoRegion.GP_PRACTICE));
        String outsider = KEYCLOAK.login(DemoRegion.OUTSIDER_CLINICIAN);
        as(ServiceSpec.RECORD, outsider).contentType("application/json")
                .body(Map.of("reason", "emergency-care", "text", BREAK_GLASS_REASON))
                .post("/api/records/" + nhsNumber + "/break-glass").then().statusCode(403)
                .body("detail", containsString(DemoRegion.NON_PARTNER));
    }

    @Test
    void theCitizenSeesTheirOwnRecordAndWhoLookedAtIt() {
        String nhsNumber = DemoRegion.CITIZEN_NHS_NUMBER;
        SystemUnderTest.ingest(DemoRegion.GP_SYSTEM, SystemUnderTest.summaryBundle(nhsNumber, DemoRegion.GP_PRACTICE));
        as(ServiceSpec.RECORD, KEYCLOAK.login(DemoRegion.GP_CLINICIAN))
                .get("/api/records/" + nhsNumber + "/summary").then().statusCode(200);

        String citizen = KEYCLOAK.login(DemoRegion.CITIZEN);
        as(ServiceSpec.RECORD, citizen).get("/api/records/" + nhsNumber + "/summary").then().statusCode(200)
                .body("access.basis", equalTo("self"));
        as(ServiceSpec.AUDIT, citizen).get("/api/me/record-accesses").then().statusCode(200)
                .body("who", hasItem("Asha Patel"))
                .body("organisation", hasItem(DemoRegion.GP_PRACTICE))
                .body("organisationName", hasItem("Kingsmere Medical Centre"))
                .body("sawCategories[0]", hasItems("allergies", "medications"));

        String someoneElse = TestNhsNumbers.next();
        SystemUnderTest.ingest(DemoRegion.GP_SYSTEM, SystemUnderTest.summaryBundle(someoneElse, DemoRegion.GP_PRACTICE));
        as(ServiceSpec.RECORD, citizen).get("/api/records/" + someoneElse + "/summary").then().statusCode(403);
    }
}
