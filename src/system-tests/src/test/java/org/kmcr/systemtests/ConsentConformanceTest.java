package org.kmcr.systemtests;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.kmcr.systemtests.SystemUnderTest.KEYCLOAK;
import static org.kmcr.systemtests.SystemUnderTest.as;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kmcr.common.testing.TestNhsNumbers;
import org.kmcr.systemtests.stack.DemoRegion;
import org.kmcr.systemtests.stack.ServiceSpec;

/**
 * A representative subset of the consent conformance table (src/consent/src/test/resources/conformance), end to
 * end: directives recorded through consent's API by a privacy officer and requested by the citizen, then applied
 * by record-query on its JSON and FHIR paths, with real tokens from the shipped realm.
 */
class ConsentConformanceTest {

    static final String CONTACT = "Kingsmere privacy office, 01632 960000";

    static String heldAtTheGp() {
        String nhsNumber = TestNhsNumbers.next();
        SystemUnderTest.ingest(DemoRegion.GP_SYSTEM, SystemUnderTest.summaryBundle(nhsNumber, DemoRegion.GP_PRACTICE));
        return nhsNumber;
    }

    static String record(String privacyOfficer, Map<String, Object> directive) {
        return as(ServiceSpec.CONSENT, privacyOfficer).contentType("application/json").body(directive)
                .post("/api/consent-directives").then().statusCode(201).extract().path("id");
    }

    @Test
    void anObjectionLeavesOnlyWhomToContactUntilGlassIsBrokenForVitalInterests() {
        String nhsNumber = heldAtTheGp();
        String officer = KEYCLOAK.login(DemoRegion.PRIVACY_OFFICER);
        String id = record(officer, Map.of("nhsNumber", nhsNumber, "kind", "objection", "contact", CONTACT,
                "reason", "Discussed with the person; confirmed in writing"));
        String gp = KEYCLOAK.login(DemoRegion.GP_CLINICIAN);
        as(ServiceSpec.RECORD, gp).get("/api/records/" + nhsNumber + "/summary").then().statusCode(403)
                .body("detail", containsString(CONTACT)).body("detail", containsString("objected"));
        as(ServiceSpec.RECORD, gp).contentType("application/json")
                .body(Map.of("reason", "emergency-care", "text", "Needed for a routine review today"))
                .post("/api/records/" + nhsNumber + "/break-glass").then().statusCode(403);
        as(ServiceSpec.RECORD, gp).contentType("application/json")
                .body(Map.of("reason", "vital-interests", "text", "Collapsed in surgery, unresponsive"))
                .post("/api/records/" + nhsNumber + "/break-glass").then().statusCode(200)
                .body("access.basis", equalTo("break-glass")).body("access.privacyOfficerAlerted", equalTo(true))
                .body("categories.allergies", hasSize(1));
        as(ServiceSpec.CONSENT, officer).contentType("application/json")
                .body(Map.of("note", "The person withdrew the objection"))
                .post("/api/consent-directives/" + id + "/withdrawal").then().statusCode(200);
        as(ServiceSpec.RECORD, gp).get("/api/records/" + nhsNumber + "/summary").then().statusCode(200)
                .body("access.basis", equalTo("gp-registration"));
    }

    @Test
    void aRestrictionIsWithheldOnTheJsonAndTheFhirPathAndOnlyFromThoseItNames() {
        String nhsNumber = heldAtTheGp();
        String officer = KEYCLOAK.login(DemoRegion.PRIVACY_OFFICER);
        record(officer, Map.of("nhsNumber", nhsNumber, "kind", "restriction", "categories", List.of("conditions"),
                "recipientOrgs", List.of(DemoRegion.TRUST), "reason", "The person asked, reviewed with them"));
        String hospital = KEYCLOAK.login(DemoRegion.HOSPITAL_CLINICIAN);
        as(ServiceSpec.RECORD, hospital).contentType("application/json")
                .body(Map.of("reason", "emergency-care", "text", "Admitted via ED, needs medicines reconciliation"))
                .post("/api/records/" + nhsNumber + "/break-glass").then().statusCode(200)
                .body("categories.conditions", hasSize(0)).body("withheld", equalTo(List.of("conditions")))
                .body("categories.allergies", hasSize(1));
        as(ServiceSpec.RECORD, KEYCLOAK.login(DemoRegion.GP_CLINICIAN)).urlEncodingEnabled(false)
                .queryParam("identifier", "https://fhir.nhs.uk/Id/nhs-number%7C" + nhsNumber)
                .get("/fhir/r4/Patient/$summary").then().statusCode(200)
                .body("entry.resource.resourceType", hasItem("Condition"));
    }

    @Test
    void theCitizensOwnRequestIsQueuedNotApplied() {
        String nhsNumber = DemoRegion.CITIZEN_NHS_NUMBER;
        SystemUnderTest.ingest(DemoRegion.GP_SYSTEM, SystemUnderTest.summaryBundle(nhsNumber, DemoRegion.GP_PRACTICE));
        String citizen = KEYCLOAK.login(DemoRegion.CITIZEN);
        as(ServiceSpec.CONSENT, citizen).contentType("application/json")
                .body(Map.of("kind", "objection", "reason", "I do not want my GP record shared"))
                .post("/api/me/consent-directives").then().statusCode(202).body("status", equalTo("proposed"));
        as(ServiceSpec.RECORD, KEYCLOAK.login(DemoRegion.GP_CLINICIAN))
                .get("/api/records/" + nhsNumber + "/summary").then().statusCode(200);
        as(ServiceSpec.CONSENT, KEYCLOAK.login(DemoRegion.PRIVACY_OFFICER)).queryParam("status", "requested")
                .queryParam("nhsNumber", nhsNumber).get("/api/consent-directives").then().statusCode(200)
                .body("entry.resource.status", hasItem("proposed"));
    }
}
