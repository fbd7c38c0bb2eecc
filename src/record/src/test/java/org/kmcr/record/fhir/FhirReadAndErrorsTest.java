package org.kmcr.record.fhir;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kmcr.common.consent.AccessDecision;
import org.kmcr.common.consent.Action;
import org.kmcr.common.consent.CareCategory;
import org.kmcr.common.consent.ItemRule;
import org.kmcr.common.consent.ReasonCode;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.common.testing.KmcrTestEnvironment;
import org.kmcr.common.testing.TestTokens;

/** Read by id, the consent decision on every path, and every error under /fhir as an OperationOutcome. */
@QuarkusTest
@QuarkusTestResource(KmcrTestEnvironment.class)
class FhirReadAndErrorsTest extends FhirTestBase {

    @Test
    void aReadAnswersTheStoredResourceUnderItsKmcrIdOnceAudited() {
        at(gp, "Patient", null, null).store();
        UUID condition = at(gp, "Condition", "1001", "2024-01-01T00:00:00Z").store();
        // an item of a source identity without a Patient resource cannot be placed: not found
        UUID unplaced = at(hospital, "Condition", "1009", "2024-01-01T00:00:00Z").store();
        as(CLINICIAN).get(BASE + "/Condition/" + unplaced).then().statusCode(404);
        as(CLINICIAN).get(BASE + "/Condition/" + condition).then().statusCode(200)
                .contentType("application/fhir+json").body("resourceType", equalTo("Condition"))
                .body("id", equalTo(condition.toString())).body("code.coding[0].code", equalTo("1001"));
        verify(consent).decide(argThat(r -> r.action() == Action.FHIR_READ && r.personId().equals(personId)));
        verify(audit).record(argThat(e -> e.action().equals("record.fhir.read") && e.outcome().equals("permitted")
                && e.categories().equals(List.of("conditions"))));
        // the id of another type is not found
        as(CLINICIAN).get(BASE + "/Observation/" + condition).then().statusCode(404)
                .body("resourceType", equalTo("OperationOutcome")).body("issue[0].code", equalTo("not-found"));
    }

    @Test
    void aReadOfAWithheldItemIs403AHiddenOneAnUnknownOne404AndARemovedOne410() {
        at(hospital, "Patient", null, null).store();
        UUID restricted = at(hospital, "Condition", "1001", "2024-01-01T00:00:00Z").withConfidentiality("R").store();
        UUID veryRestricted = at(hospital, "Condition", "1002", "2024-01-01T00:00:00Z").withConfidentiality("V")
                .store();
        UUID medication = at(hospital, "MedicationStatement", "1003", "2024-01-01T00:00:00Z").store();
        decides(permit(List.of(CareCategory.DEMOGRAPHICS, CareCategory.CONDITIONS), List.of(
                rule("restricted", ItemRule.Treatment.WITHHOLD, "R"),
                rule("very-restricted", ItemRule.Treatment.HIDE, "V")), List.of()));
        as(CLINICIAN).get(BASE + "/Condition/" + restricted).then().statusCode(403)
                .body("issue[0].code", equalTo("forbidden"))
                .body("issue[0].diagnostics", containsString("Information withheld"))
                .body(not(containsString("1001")));
        as(CLINICIAN).get(BASE + "/Condition/" + veryRestricted).then().statusCode(404);
        as(CLINICIAN).get(BASE + "/MedicationStatement/" + medication).then().statusCode(404);
        as(CLINICIAN).get(BASE + "/Condition/" + UUID.randomUUID()).then().statusCode(404);
        as(CLINICIAN).get(BASE + "/Condition/not-a-uuid").then().statusCode(404)
                .body("resourceType", equalTo("OperationOutcome"));
        UUID removed = UUID.randomUUID();
        KmcrTestEnvironment.database().execute("INSERT INTO record.removed_item (id, source_identity_id, category, "
                + "resource_type, source_org, source_system, source_id, removed_at, reason, source_message) VALUES ('"
                + removed + "', '" + hospital + "', 'conditions', 'Condition', 'RKM', 'partner-rkm', 'x', now(), "
                + "'entered-in-error', 'm1')");
        as(CLINICIAN).get(BASE + "/Condition/" + removed).then().statusCode(410)
                .body("resourceType", equalTo("OperationOutcome"));
    }

    @Test
    void everyPathGoesThroughTheConsentDecisionAndADenialIsAudited() {
        at(hospital, "Patient", null, null).store();
        UUID condition = at(hospital, "Condition", "1001", "2024-01-01T00:00:00Z").store();
        decides(AccessDecision.deny(ReasonCode.NO_LEGITIMATE_RELATIONSHIP,
                "RKM has no legitimate relationship with this person."));
        for (String path : List.of("/Condition/" + condition, "/Condition?" + patientParameter(),
                "/Patient?identifier=" + NHS + "%7C" + nhsNumber, "/Patient/" + nhsNumber + "/$everything")) {
            as(CLINICIAN).get(BASE + path).then().statusCode(403).contentType("application/fhir+json")
                    .body("resourceType", equalTo("OperationOutcome")).body("issue[0].code", equalTo("forbidden"))
                    .body("issue[0].diagnostics", equalTo("RKM has no legitimate relationship with this person."));
        }
        verify(audit, org.mockito.Mockito.times(4)).record(argThat(e -> e.outcome().equals("denied")
                && e.categories().isEmpty()));
        as(CLINICIAN).get(BASE + "/Patient/" + org.kmcr.common.testing.TestNhsNumbers.next() + "/$everything")
                .then().statusCode(404).body("issue[0].diagnostics", equalTo("KMCR holds no record for this NHS number."));
    }

    @Test
    void whenTheAuditServiceCannotCommitNothingLeaves() {
        at(hospital, "Condition", "1001", "2024-01-01T00:00:00Z").store();
        doReturn(Uni.createFrom().failure(ProblemException.unavailable("The audit service is unavailable, so "
                + "nothing can be disclosed. Try again shortly."))).when(audit).record(any());
        as(CLINICIAN).get(BASE + "/Condition?" + patientParameter()).then().statusCode(503)
                .body("resourceType", equalTo("OperationOutcome")).body("issue[0].code", equalTo("transient"))
                .body(not(containsString("1001")));
    }

    @Test
    void rolesAndTokensAreCheckedWithOperationOutcomes() {
        given().get(BASE + "/Condition?" + patientParameter()).then().statusCode(401)
                .contentType("application/fhir+json").body("issue[0].code", equalTo("login"));
        given().auth().oauth2("not-a-token").get(BASE + "/metadata").then().statusCode(401)
                .body("resourceType", equalTo("OperationOutcome"));
        as(TestTokens.user("ana", "analyst", "KMICB")).get(BASE + "/Condition?" + patientParameter()).then()
                .statusCode(403).body("issue[0].code", equalTo("forbidden"));
        verify(consent, never()).decide(any());
    }

    @Test
    void errorsTheFrameworkRaisesAreOperationOutcomesToo() {
        as(CLINICIAN).get(BASE + "/Unicorn?patient=" + nhsNumber).then().statusCode(404)
                .contentType("application/fhir+json").body("resourceType", equalTo("OperationOutcome"));
        as(CLINICIAN).get("/fhir/r5/Patient").then().statusCode(404)
                .contentType("application/fhir+json").body("resourceType", equalTo("OperationOutcome"));
        as(CLINICIAN).delete(BASE + "/Condition/" + UUID.randomUUID()).then().statusCode(405)
                .contentType("application/fhir+json").body("issue[0].severity", equalTo("error"));
        as(CLINICIAN).contentType("text/csv").body("a,b").post(BASE + "/Condition/_search").then()
                .statusCode(org.hamcrest.Matchers.oneOf(405, 415))
                .contentType("application/fhir+json").body("resourceType", equalTo("OperationOutcome"));
        RawHttp.Answer tooLarge = RawHttp.postDeclaring(BASE + "/Condition/_search", 64L * 1024 * 1024, CLINICIAN);
        org.junit.jupiter.api.Assertions.assertEquals(413, tooLarge.status(), tooLarge.body());
        org.junit.jupiter.api.Assertions.assertEquals("too-costly",
                new io.restassured.path.json.JsonPath(tooLarge.body()).getString("issue[0].code"));
        as(CLINICIAN).get(BASE + "/Condition?" + patientParameter() + "&_format=xml").then().statusCode(406)
                .contentType("application/fhir+json").body("resourceType", equalTo("OperationOutcome"));
        given().urlEncodingEnabled(false).auth().oauth2(CLINICIAN).accept("application/fhir+xml")
                .get(BASE + "/Condition?" + patientParameter()).then().statusCode(406)
                .contentType("application/fhir+json").body("resourceType", equalTo("OperationOutcome"));
        as(CLINICIAN).get(BASE + "/Condition?" + patientParameter() + "&_format=application/fhir%2Bjson").then()
                .statusCode(200);
        given().urlEncodingEnabled(false).auth().oauth2(CLINICIAN).accept("application/json")
                .get(BASE + "/Condition?" + patientParameter()).then().statusCode(200);
    }

    @Test
    void theCapabilityStatementSaysWhatIsServed() {
        as(CLINICIAN).get(BASE + "/metadata").then().statusCode(200).contentType("application/fhir+json")
                .body("resourceType", equalTo("CapabilityStatement")).body("fhirVersion", equalTo("4.0.1"))
                .body("rest[0].resource.type", equalTo(org.kmcr.record.FhirFixtures.TYPES))
                .body("rest[0].resource.find { it.type == 'Condition' }.profile",
                        equalTo("https://fhir.hl7.org.uk/StructureDefinition/UKCore-Condition"))
                .body("rest[0].resource.find { it.type == 'Condition' }.searchParam.name",
                        equalTo(List.of("patient", "category", "date", "code", "status", "_count", "_sort",
                                "_lastUpdated")))
                .body("rest[0].resource.find { it.type == 'Encounter' }.searchParam.name", not(hasItem("category")))
                .body("rest[0].resource.find { it.type == 'Patient' }.operation.name",
                        equalTo(List.of("everything", "summary")));
    }
}
