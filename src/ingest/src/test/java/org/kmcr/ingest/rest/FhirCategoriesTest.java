package org.kmcr.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import io.quarkus.test.InjectMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kmcr.common.audit.AuditClient;
import org.kmcr.common.consent.ConsentClient;
import org.kmcr.common.identity.IdentityClient;
import org.kmcr.common.identity.SourceIdentityIds;
import org.kmcr.common.nhs.NhsNumber;
import org.kmcr.common.testing.KmcrTestEnvironment;
import org.kmcr.common.testing.TestNhsNumbers;
import org.kmcr.common.testing.TestTokens;

/** Every record category through FHIR, in the shapes real senders use, with the guarantees of the issue. */
@QuarkusTest
@QuarkusTestResource(KmcrTestEnvironment.class)
class FhirCategoriesTest {

    static final String SENDER = TestTokens.partner("partner-kmsc1-case", "KMSC1");
    static final FhirContext FHIR = FhirContext.forR4();
    static final String SNOMED = "http://snomed.info/sct";

    @InjectMock
    IdentityClient identity;
    @InjectMock
    ConsentClient consent;
    @InjectMock
    AuditClient audit;
    @Inject
    Pool pool;

    final String patientId = "p-" + UUID.randomUUID().toString().substring(0, 8);
    final String nhsNumber = TestNhsNumbers.next();
    final String patientUrl = "urn:uuid:" + UUID.randomUUID();

    @BeforeEach
    void neighbours() {
        org.kmcr.ingest.Neighbours.answer(identity, consent, audit);
    }

    Bundle bundle(Bundle.BundleType type) {
        Bundle bundle = new Bundle().setType(type);
        Patient patient = new Patient();
        patient.addIdentifier(new Identifier().setSystem(NhsNumber.SYSTEM).setValue(nhsNumber));
        patient.addName().setFamily("Okafor").addGiven("Chidi");
        bundle.addEntry().setFullUrl(patientUrl).setResource(patient).getRequest().setMethod(HTTPVerb.PUT)
                .setUrl("Patient/" + patientId);
        return bundle;
    }

    /** A POST entry with a urn:uuid fullUrl and no id, referring to the patient by the patient's fullUrl. */
    static String post(Bundle bundle, Resource resource) {
        String url = "urn:uuid:" + UUID.randomUUID();
        bundle.addEntry().setFullUrl(url).setResource(resource).getRequest().setMethod(HTTPVerb.POST)
                .setUrl(resource.fhirType());
        return url;
    }

    static CodeableConcept snomed(String code, String display) {
        return new CodeableConcept(new Coding(SNOMED, code, display));
    }

    ValidatableResponse send(Bundle bundle) {
        return given().auth().oauth2(SENDER).contentType("application/fhir+json")
                .body(FHIR.newJsonParser().encodeResourceToString(bundle)).post("/fhir/r4").then();
    }

    Map<String, List<String>> categories() {
        Map<String, List<String>> byType = new HashMap<>();
        for (Row row : rows("SELECT resource_type, category FROM record.care_item WHERE source_identity_id = $1")) {
            byType.computeIfAbsent(row.getString(0), k -> new ArrayList<>()).add(row.getString(1));
        }
        byType.values().forEach(list -> list.sort(String::compareTo));
        return byType;
    }

    List<Row> rows(String sql) {
        List<Row> rows = new ArrayList<>();
        pool.preparedQuery(sql).execute(Tuple.of(SourceIdentityIds.of("KMSC1", "partner-kmsc1-case", patientId)))
                .await().indefinitely().forEach(rows::add);
        return rows;
    }

    @Test
    void everyCategoryArrivesInTheShapesSendersUse() {
        Bundle bundle = bundle(Bundle.BundleType.TRANSACTION);
        Reference patient = new Reference(patientUrl);
        Reference byNhsNumber = new Reference().setIdentifier(new Identifier().setSystem(NhsNumber.SYSTEM)
                .setValue(nhsNumber));
        Reference conditional = new Reference("Patient?identifier=" + NhsNumber.SYSTEM + "|" + nhsNumber);
        post(bundle, new RelatedPerson().setPatient(patient).addIdentifier(new Identifier().setSystem("urn:carers")
                .setValue("c1")));
        post(bundle, new CareTeam().setSubject(patient).setName("Community nursing"));
        post(bundle, new MedicationRequest().setSubject(conditional).setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE)
                .setIntent(MedicationRequest.MedicationRequestIntent.ORDER).setMedication(snomed("322236009", "Paracetamol")));
        post(bundle, new MedicationStatement().setSubject(byNhsNumber)
                .setStatus(MedicationStatement.MedicationStatementStatus.ACTIVE).setMedication(snomed("317896006", "x")));
        post(bundle, new AllergyIntolerance().setPatient(patient).setCode(snomed("91936005", "Penicillin")));
        post(bundle, new Condition().setSubject(patient).setCode(snomed("44054006", "Diabetes")));
        post(bundle, new Condition().setSubject(patient).setCode(snomed("840539006", "COVID-19")));
        post(bundle, new Flag().setSubject(patient).setStatus(Flag.FlagStatus.ACTIVE)
                .setCode(new CodeableConcept().setText("Violent: do not visit alone")));
        post(bundle, new Flag().setSubject(patient).setStatus(Flag.FlagStatus.ACTIVE)
                .setCode(snomed("1141000000109", "Child protection concern")));
        String observation = post(bundle, new Observation().setSubject(patient)
                .setStatus(Observation.ObservationStatus.FINAL).setCode(snomed("1000731000000107", "Haemoglobin")));
        post(bundle, new Observation().setSubject(patient).setStatus(Observation.ObservationStatus.FINAL)
                .setCode(new CodeableConcept(new Coding("http://loinc.org", "94500-6", "SARS-CoV-2 RNA"))));
        DiagnosticReport report = new DiagnosticReport().setSubject(patient)
                .setStatus(DiagnosticReport.DiagnosticReportStatus.FINAL).setCode(snomed("26604007", "FBC"));
        report.addResult(new Reference(observation));
        report.getMeta().addSecurity("http://terminology.hl7.org/CodeSystem/v3-Confidentiality", "R", "restricted");
        report.getMeta().addSecurity("http://terminology.hl7.org/CodeSystem/v3-ActCode", "NOPAT", "no patient view");
        post(bundle, report);
        post(bundle, new Encounter().setSubject(patient).setStatus(Encounter.EncounterStatus.FINISHED));
        post(bundle, new EpisodeOfCare().setPatient(patient).addType(snomed("410447006", "Social care"))
                .setStatus(EpisodeOfCare.EpisodeOfCareStatus.ACTIVE));
        post(bundle, new EpisodeOfCare().setPatient(patient).addType(new CodeableConcept().setText("Community mental health"))
                .setStatus(EpisodeOfCare.EpisodeOfCareStatus.ACTIVE));
        post(bundle, new ServiceRequest().setSubject(patient).setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE)
                .setIntent(ServiceRequest.ServiceRequestIntent.ORDER));
        post(bundle, new Consent().setPatient(patient).setStatus(Consent.ConsentState.ACTIVE)
                .setScope(new CodeableConcept().setText("DNACPR")));
        post(bundle, new CarePlan().setSubject(patient).setStatus(CarePlan.CarePlanStatus.ACTIVE)
                .setIntent(CarePlan.CarePlanIntent.PLAN).addCategory(new CodeableConcept().setText("End of life")));
        post(bundle, new CarePlan().setSubject(patient).setStatus(CarePlan.CarePlanStatus.ACTIVE)
                .setIntent(CarePlan.CarePlanIntent.PLAN).addCategory(snomed("735324008", "Care package")));
        post(bundle, new DocumentReference().setSubject(patient).setMasterIdentifier(new Identifier()
                .setSystem("urn:letters").setValue("L-1")));
        post(bundle, new Immunization().setPatient(patient).setStatus(Immunization.ImmunizationStatus.COMPLETED));
        send(bundle).statusCode(200).body("entry.size()", equalTo(bundle.getEntry().size()));

        Map<String, List<String>> categories = categories();
        assertEquals(List.of("demographics"), categories.get("Patient"));
        assertEquals(List.of("contacts"), categories.get("RelatedPerson"));
        assertEquals(List.of("care-team"), categories.get("CareTeam"));
        assertEquals(List.of("medications"), categories.get("MedicationRequest"));
        assertEquals(List.of("medications"), categories.get("MedicationStatement"));
        assertEquals(List.of("allergies"), categories.get("AllergyIntolerance"));
        assertEquals(List.of("conditions", "infection-status"), categories.get("Condition"));
        assertEquals(List.of("alerts", "safeguarding"), categories.get("Flag"));
        assertEquals(List.of("infection-status", "results"), categories.get("Observation"));
        assertEquals(List.of("results"), categories.get("DiagnosticReport"));
        assertEquals(List.of("encounters"), categories.get("Encounter"));
        assertEquals(List.of("mental-health", "social-care"), categories.get("EpisodeOfCare"));
        assertEquals(List.of("referrals"), categories.get("ServiceRequest"));
        assertEquals(List.of("advance-directives"), categories.get("Consent"));
        assertEquals(List.of("care-plans", "social-care"), categories.get("CarePlan"));
        assertEquals(List.of("documents"), categories.get("DocumentReference"));
        assertEquals(List.of("immunisations"), categories.get("Immunization"));

        Row stored = rows("SELECT resource::text, confidentiality, array_to_string(security_labels, ',') FROM "
                + "record.care_item WHERE source_identity_id = $1 AND resource_type = 'DiagnosticReport'").get(0);
        assertTrue(stored.getString(0).contains("\"Observation/"), "the urn:uuid reference is rewritten: "
                + stored.getString(0));
        assertTrue(stored.getString(0).contains("\"Patient/" + patientId + "\""), stored.getString(0));
        assertEquals("R", stored.getString(1));
        assertEquals("http://terminology.hl7.org/CodeSystem/v3-Confidentiality|R,"
                + "http://terminology.hl7.org/CodeSystem/v3-ActCode|NOPAT", stored.getString(2));

        // sent again: every entry has the same source key, so nothing new
        long before = rows("SELECT count(*) FROM record.care_item WHERE source_identity_id = $1").get(0).getLong(0);
        send(bundle).statusCode(200);
        assertEquals(before, rows("SELECT count(*) FROM record.care_item WHERE source_identity_id = $1").get(0)
                .getLong(0));
    }

    @Test
    void enteredInErrorAndDeletedItemsLeaveTheRecordAndOlderVersionsNeverOverwrite() {
        Bundle bundle = bundle(Bundle.BundleType.BATCH);
        Condition condition = new Condition().setSubject(new Reference(patientUrl)).setCode(snomed("44054006", "Diabetes"));
        condition.setId("c-1");
        condition.getMeta().setLastUpdated(new Date(1_700_000_000_000L));
        bundle.addEntry().setResource(condition).getRequest().setMethod(HTTPVerb.PUT).setUrl("Condition/c-1");
        AllergyIntolerance allergy = new AllergyIntolerance().setPatient(new Reference(patientUrl))
                .setCode(snomed("91936005", "Penicillin"));
        allergy.setId("a-1");
        bundle.addEntry().setResource(allergy);
        send(bundle).statusCode(200);

        Condition older = condition.copy().setCode(snomed("73211009", "Diabetes mellitus (old wording)"));
        older.getMeta().setLastUpdated(new Date(1_600_000_000_000L));
        Bundle late = bundle(Bundle.BundleType.BATCH);
        late.addEntry().setResource(older);
        send(late).statusCode(200).body("entry[1].response.status", equalTo("200 OK"));
        assertEquals("Diabetes", rows("SELECT display FROM record.care_item WHERE source_identity_id = $1 AND "
                + "resource_type = 'Condition'").get(0).getString(0));

        Bundle corrections = bundle(Bundle.BundleType.TRANSACTION);
        Condition wrong = condition.copy();
        wrong.setVerificationStatus(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/condition-ver-status", "entered-in-error", null)));
        corrections.addEntry().setResource(wrong);
        corrections.addEntry().getRequest().setMethod(HTTPVerb.DELETE).setUrl("AllergyIntolerance/a-1");
        send(corrections).statusCode(200).body("entry[1].response.status", equalTo("204 No Content"))
                .body("entry[2].response.status", equalTo("204 No Content"));
        assertEquals(0, rows("SELECT count(*) FROM record.care_item WHERE source_identity_id = $1 AND resource_type "
                + "<> 'Patient'").get(0).getLong(0));
        assertEquals(List.of("AllergyIntolerance:deleted at source", "Condition:entered in error at source"),
                rows("SELECT resource_type || ':' || reason FROM record.removed_item WHERE source_identity_id = $1 "
                        + "ORDER BY resource_type").stream().map(r -> r.getString(0)).toList());
    }

    @Test
    void anItemWithoutAnyKeyIsRefused() {
        Bundle bundle = bundle(Bundle.BundleType.TRANSACTION);
        bundle.addEntry().setResource(new Condition().setSubject(new Reference(patientUrl))
                .setCode(snomed("44054006", "Diabetes")));
        send(bundle).statusCode(422).body("issue[0].expression[0]", equalTo("Bundle.entry[1].resource.id"));
    }
}
