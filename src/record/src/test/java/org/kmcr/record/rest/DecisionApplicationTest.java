package org.kmcr.record.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.verify;

import io.quarkus.test.InjectMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kmcr.common.audit.AuditClient;
import org.kmcr.common.audit.AuditEvent;
import org.kmcr.common.audit.AuditReceipt;
import org.kmcr.common.consent.AccessDecision;
import org.kmcr.common.consent.Basis;
import org.kmcr.common.consent.CareCategory;
import org.kmcr.common.consent.ConsentClient;
import org.kmcr.common.consent.ItemRule;
import org.kmcr.common.consent.ItemRule.Treatment;
import org.kmcr.common.consent.Obligation;
import org.kmcr.common.consent.Redaction;
import org.kmcr.common.identity.IdentityClient;
import org.kmcr.common.identity.PersonIdentities;
import org.kmcr.common.testing.KmcrTestEnvironment;
import org.kmcr.common.testing.TestNhsNumbers;
import org.kmcr.common.testing.TestTokens;
import org.kmcr.record.RecordFixtures;

/**
 * The decision's item rules and redactions, applied on the JSON and the FHIR path alike: withheld items leave an
 * "information withheld" marker, hidden ones no trace, and a sensitive person's contact details are redacted from
 * what other organisations hold; the audit event lists only the categories actually shown.
 */
@QuarkusTest
@QuarkusTestResource(KmcrTestEnvironment.class)
class DecisionApplicationTest {

    static final String CLINICIAN = TestTokens.user("dr.reed", "clinician", "RKM");
    static final List<CareCategory> SUMMARY = List.of(CareCategory.DEMOGRAPHICS, CareCategory.MEDICATIONS,
            CareCategory.ALLERGIES, CareCategory.CONDITIONS);

    @InjectMock
    IdentityClient identity;
    @InjectMock
    ConsentClient consent;
    @InjectMock
    AuditClient audit;

    String nhsNumber;
    UUID source;

    @BeforeEach
    void aPersonHeldByTwoOrganisations() {
        nhsNumber = TestNhsNumbers.next();
        source = UUID.randomUUID();
        doReturn(Uni.createFrom().item(new PersonIdentities(UUID.randomUUID(), nhsNumber, List.of(
                new PersonIdentities.SourceIdentityRef(source, "K81001", "partner-k81001", "g1")))))
                .when(identity).findByNhsNumber(nhsNumber);
        doAnswer(call -> Uni.createFrom().item(new AuditReceipt(call.getArgument(0, AuditEvent.class).id(), 1, "h")))
                .when(audit).record(any());
    }

    void decides(List<ItemRule> rules, List<Redaction> redactions) {
        doReturn(Uni.createFrom().item(RecordResourceTest.permit(Basis.RELATIONSHIP, "referral", SUMMARY, rules,
                redactions, List.of(Obligation.AUDIT_DISCLOSURE)))).when(consent).decide(any());
    }

    static ItemRule confidentiality(Treatment treatment, String code) {
        return new ItemRule("test", treatment, null, Set.of(code), null, null, null, null, "RKM");
    }

    @Test
    void aRestrictedItemOfAnotherOrganisationIsWithheldAndSaidToBe() {
        RecordFixtures.markedItem("K81001", source, "conditions", "Condition", "44054006", "R",
                "{\"resourceType\":\"Condition\",\"id\":\"r1\"}");
        RecordFixtures.markedItem("K81001", source, "conditions", "Condition", "38341003", null,
                "{\"resourceType\":\"Condition\",\"id\":\"n1\"}");
        decides(List.of(confidentiality(Treatment.WITHHOLD, "R")), List.of());
        given().auth().oauth2(CLINICIAN).get("/api/records/" + nhsNumber + "/summary").then().statusCode(200)
                .body("categories.conditions", hasSize(1)).body("categories.conditions[0].code", equalTo("38341003"))
                .body("withheld", equalTo(List.of("conditions")));
        given().urlEncodingEnabled(false).auth().oauth2(CLINICIAN)
                .queryParam("identifier", "https://fhir.nhs.uk/Id/nhs-number%7C" + nhsNumber)
                .get(RecordResourceTest.FHIR_SUMMARY).then().statusCode(200)
                .body("entry.resource.id", not(hasItem("r1")))
                .body("entry.find { it.resource.resourceType == 'OperationOutcome' }.resource.issue[0].code",
                        equalTo("suppressed"));
    }

    @Test
    void aVeryRestrictedItemLeavesNoTraceNotEvenInTheAudit() {
        RecordFixtures.markedItem("K81001", source, "medications", "MedicationStatement", "318845001", "V",
                "{\"resourceType\":\"MedicationStatement\",\"id\":\"v1\"}");
        decides(List.of(confidentiality(Treatment.HIDE, "V")), List.of());
        given().auth().oauth2(CLINICIAN).get("/api/records/" + nhsNumber + "/summary").then().statusCode(200)
                .body("categories.medications", hasSize(0)).body("withheld", hasSize(0));
        given().urlEncodingEnabled(false).auth().oauth2(CLINICIAN)
                .queryParam("identifier", "https://fhir.nhs.uk/Id/nhs-number%7C" + nhsNumber)
                .get(RecordResourceTest.FHIR_SUMMARY).then().statusCode(200)
                .body("entry", hasSize(0));
        verify(audit, org.mockito.Mockito.atLeastOnce()).record(argThat(e -> e.categories().isEmpty()));
    }

    @Test
    void aSensitivePersonsAddressAndPracticeAreRedactedOutsideTheSourceOrganisation() {
        RecordFixtures.patientFrom("K81001", "registered-practice", source, nhsNumber, "Jones", "K81001", "KM1 2AB");
        RecordFixtures.markedItem("K81001", source, "demographics", "Patient", null, "R",
                "{\"resourceType\":\"Patient\",\"id\":\"pds\",\"address\":[{\"postalCode\":\"KM9 9ZZ\"}],"
                        + "\"telecom\":[{\"value\":\"0123\"}]}");
        decides(List.of(), List.of(new Redaction(Set.of("R"), EnumSet.allOf(Redaction.Field.class), "RKM")));
        given().auth().oauth2(CLINICIAN).get("/api/records/" + nhsNumber + "/summary").then().statusCode(200)
                .body("person.name", equalTo("Mary Jones")).body("person.postcode", nullValue())
                .body("person.registeredGpPractices", hasSize(0)).body("categories.demographics", hasSize(2));
        given().urlEncodingEnabled(false).auth().oauth2(CLINICIAN)
                .queryParam("identifier", "https://fhir.nhs.uk/Id/nhs-number%7C" + nhsNumber)
                .get(RecordResourceTest.FHIR_SUMMARY).then().statusCode(200)
                .body("entry", hasSize(2))
                .body("entry.resource.findAll { it.address || it.telecom || it.generalPractitioner }", hasSize(0));
    }

    @Test
    void theSourceOrganisationSeesItsOwnSensitivePersonsAddress() {
        RecordFixtures.patientFrom("K81001", "registered-practice", source, nhsNumber, "Jones", "K81001", "KM1 2AB");
        RecordFixtures.markedItem("K81001", source, "demographics", "Patient", null, "R",
                "{\"resourceType\":\"Patient\",\"id\":\"pds\"}");
        decides(List.of(), List.of(new Redaction(Set.of("R"), EnumSet.allOf(Redaction.Field.class), "K81001")));
        given().auth().oauth2(TestTokens.user("dr.gp", "clinician", "K81001"))
                .get("/api/records/" + nhsNumber + "/summary").then().statusCode(200)
                .body("person.postcode", equalTo("KM1 2AB"));
    }

    @Test
    void aNotForPatientViewLabelHidesTheItemFromTheCitizen() {
        RecordFixtures.markedItem("K81001", source, "conditions", "Condition", "35489007", null,
                "{\"resourceType\":\"Condition\",\"id\":\"nopat\",\"meta\":{\"security\":[{\"system\":"
                        + "\"http://terminology.hl7.org/CodeSystem/v3-ActCode\",\"code\":\"NOPAT\"}]}}");
        RecordFixtures.markedItem("K81001", source, "conditions", "Condition", "38341003", null,
                "{\"resourceType\":\"Condition\",\"id\":\"seen\"}");
        decides(List.of(new ItemRule("not-for-patient-view", Treatment.HIDE, null, null, null,
                Set.of("http://terminology.hl7.org/CodeSystem/v3-ActCode|NOPAT"), null, null, null)), List.of());
        given().auth().oauth2(TestTokens.patient("mary", nhsNumber)).get("/api/records/" + nhsNumber + "/summary")
                .then().statusCode(200).body("categories.conditions", hasSize(1)).body("categories.conditions[0].code", equalTo("38341003"))
                .body("withheld", hasSize(0));
    }
}
