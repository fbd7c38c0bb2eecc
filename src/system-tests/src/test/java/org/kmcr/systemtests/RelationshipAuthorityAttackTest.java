package org.kmcr.systemtests;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.kmcr.systemtests.SystemUnderTest.CLIENT;
import static org.kmcr.systemtests.SystemUnderTest.KEYCLOAK;
import static org.kmcr.systemtests.SystemUnderTest.as;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kmcr.common.testing.TestNhsNumbers;
import org.kmcr.systemtests.stack.DemoRegion;
import org.kmcr.systemtests.stack.ServiceSpec;

/**
 * Issue 5, items 1 and 2: relationship facts have an author and an authority, and the person header cannot be
 * hijacked. Tried as the attack was found: the hospital PAS names itself as the GP of a person registered at
 * K81001.
 */
class RelationshipAuthorityAttackTest {

    @Test
    void aHospitalNamingItselfAsTheGpGainsNoAccessAndDoesNotChangeTheHeader() {
        String nhsNumber = TestNhsNumbers.next();
        SystemUnderTest.ingest(DemoRegion.GP_SYSTEM, SystemUnderTest.summaryBundle(nhsNumber, DemoRegion.GP_PRACTICE));

        // the attack: a one-entry bundle naming RKM as the registered practice, with no address
        String attack = SystemUnderTest.summaryBundle(nhsNumber, DemoRegion.TRUST)
                .replace("\"address\": [{\"line\": [\"1 Mill Lane\"], \"city\": \"Kingsmere\", \"postalCode\": \"KM1 2AB\"}],", "");
        as(ServiceSpec.INGEST, KEYCLOAK.clientCredentials(DemoRegion.TRUST_PAS)).contentType("application/fhir+json")
                .body(attack).post("/fhir/r4").then().statusCode(200)
                .body("entry[0].response.outcome.issue[0].severity", equalTo("warning"))
                .body("entry[0].response.outcome.issue[0].diagnostics",
                        containsString("GP registration with RKM: RKM may not register a person with RKM"));

        String hospital = KEYCLOAK.login(DemoRegion.HOSPITAL_CLINICIAN);
        as(ServiceSpec.RECORD, hospital).get("/api/records/" + nhsNumber + "/summary").then().statusCode(403)
                .body("detail", containsString("RKM has no legitimate relationship with this person"));
        as(ServiceSpec.RECORD, KEYCLOAK.login(DemoRegion.GP_CLINICIAN)).get("/api/records/" + nhsNumber + "/summary")
                .then().statusCode(200)
                .body("access.basis", equalTo("gp-registration"))
                .body("person.registeredGpPractices", equalTo(java.util.List.of(DemoRegion.GP_PRACTICE)))
                .body("person.postcode", equalTo("KM1 2AB"))
                .body("person.headerSource", equalTo(DemoRegion.GP_PRACTICE));

        UUID person = CLIENT.personId(KEYCLOAK.clientCredentials("kmcr-record"), nhsNumber);
        String privacyOfficer = KEYCLOAK.login(DemoRegion.PRIVACY_OFFICER);
        as(ServiceSpec.CONSENT, privacyOfficer).queryParam("personId", person).get("/api/relationships").then()
                .statusCode(200).body("orgCode", not(hasItem(DemoRegion.TRUST)))
                .body("find { it.kind == 'gp-registration' }.assertedBy.orgCode", equalTo(DemoRegion.GP_PRACTICE))
                .body("find { it.kind == 'gp-registration' }.assertedBy.system", equalTo(DemoRegion.GP_SYSTEM))
                .body("find { it.kind == 'gp-registration' }.recordedVia", equalTo("kmcr-ingest"));
        as(ServiceSpec.CONSENT, privacyOfficer).queryParam("personId", person).get("/api/relationships/unverified")
                .then().statusCode(200)
                .body("find { it.orgCode == 'RKM' }.assertedBy.orgCode", equalTo(DemoRegion.TRUST))
                .body("find { it.orgCode == 'RKM' }.reason", containsString("RKM may not register a person with RKM"));
    }

    @Test
    void aRegistrationAuthorityRegistersAndItsDemographicsComeFirst() {
        String nhsNumber = TestNhsNumbers.next();
        SystemUnderTest.ingest(DemoRegion.GP_SYSTEM, SystemUnderTest.summaryBundle(nhsNumber, DemoRegion.GP_PRACTICE));
        String pdsRecord = patientOnly(SystemUnderTest.summaryBundle(nhsNumber, DemoRegion.GP_PRACTICE)
                .replace("\"family\": \"Jones\"", "\"family\": \"Jones-Patel\"").replace("KM1 2AB", "KM7 1XY"));
        SystemUnderTest.ingest(DemoRegion.PDS, pdsRecord);
        SystemUnderTest.ingest(DemoRegion.GP_SYSTEM, SystemUnderTest.summaryBundle(nhsNumber, DemoRegion.GP_PRACTICE));
        as(ServiceSpec.RECORD, KEYCLOAK.login(DemoRegion.GP_CLINICIAN)).get("/api/records/" + nhsNumber + "/summary")
                .then().statusCode(200)
                .body("person.name", equalTo("Mary Ann Jones-Patel")).body("person.postcode", equalTo("KM7 1XY"))
                .body("person.headerSource", equalTo(DemoRegion.REGISTRATION_AUTHORITY));
    }

    /** A registration authority sends demographics only: the bundle's Patient entry alone. */
    static String patientOnly(String bundle) {
        com.fasterxml.jackson.databind.node.ObjectNode json =
                (com.fasterxml.jackson.databind.node.ObjectNode) org.kmcr.systemtests.stack.KmcrClient.read(bundle);
        com.fasterxml.jackson.databind.node.ArrayNode entries = (com.fasterxml.jackson.databind.node.ArrayNode) json.get("entry");
        while (entries.size() > 1) {
            entries.remove(1);
        }
        return json.toString();
    }

    @Test
    void noPartnerSystemOrPersonWritesRelationshipsThroughTheBackDoor() {
        UUID person = UUID.randomUUID();
        Map<String, Object> assertion = Map.of("personId", person, "orgCode", DemoRegion.TRUST, "kind", "care-team",
                "assertedBy", Map.of("orgCode", DemoRegion.TRUST, "system", DemoRegion.TRUST_PAS),
                "sourceMessage", "forged");
        for (String token : new String[] {KEYCLOAK.clientCredentials(DemoRegion.TRUST_PAS),
                KEYCLOAK.clientCredentials("kmcr-record"), KEYCLOAK.login(DemoRegion.HOSPITAL_CLINICIAN),
                KEYCLOAK.login(DemoRegion.PRIVACY_OFFICER)}) {
            as(ServiceSpec.CONSENT, token).contentType("application/json").body(assertion)
                    .post("/api/relationship-assertions").then().statusCode(403);
        }
        for (String token : new String[] {KEYCLOAK.clientCredentials(DemoRegion.TRUST_PAS),
                KEYCLOAK.clientCredentials("kmcr-ingest"), KEYCLOAK.login(DemoRegion.HOSPITAL_CLINICIAN)}) {
            as(ServiceSpec.CONSENT, token).contentType("application/json")
                    .body(Map.of("personId", person, "orgCode", DemoRegion.TRUST, "kind", "care-team"))
                    .post("/api/relationships").then().statusCode(403);
        }
        // a privacy officer cannot grant a relationship to their own organisation
        as(ServiceSpec.CONSENT, KEYCLOAK.login(DemoRegion.PRIVACY_OFFICER)).contentType("application/json")
                .body(Map.of("personId", person, "orgCode", DemoRegion.ICB, "kind", "care-team"))
                .post("/api/relationships").then().statusCode(403)
                .body("detail", containsString("their own organisation"));
    }
}
