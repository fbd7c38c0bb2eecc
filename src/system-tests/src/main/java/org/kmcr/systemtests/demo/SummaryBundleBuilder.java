package org.kmcr.systemtests.demo;

import ca.uhn.fhir.context.FhirContext;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.kmcr.common.nhs.NhsNumber;

/**
 * A FHIR R4 transaction bundle as a partner system sends it to ingest: one Patient (by the sender's local id)
 * and its allergies, medications and conditions, each with its own id and referring to the Patient.
 */
final class SummaryBundleBuilder {

    static final String ODS_SYSTEM = "https://fhir.nhs.uk/Id/ods-organization-code";
    static final String LOCAL_ID_SYSTEM = "https://fhir.kmcr.example/Id/local-patient-id";
    private static final FhirContext FHIR = FhirContext.forR4();

    private final Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    private final String patientId;
    private final Set<String> codesAdded = new HashSet<>();
    private int items;

    SummaryBundleBuilder(String patientId, Demographics person) {
        this.patientId = patientId;
        Patient patient = new Patient();
        patient.setId(patientId);
        patient.addIdentifier(new Identifier().setSystem(NhsNumber.SYSTEM).setValue(person.nhsNumber()));
        patient.addIdentifier(new Identifier().setSystem(LOCAL_ID_SYSTEM).setValue(patientId));
        patient.addName().setUse(HumanName.NameUse.OFFICIAL)
                .setFamily(person.family()).addGiven(person.given());
        patient.setGender(AdministrativeGender.fromCode(person.gender()));
        patient.setBirthDateElement(new DateType(person.birthDate().toString()));
        patient.addAddress().addLine(person.addressLine()).setCity(person.city()).setPostalCode(person.postcode());
        patient.addGeneralPractitioner(new Reference().setIdentifier(
                new Identifier().setSystem(ODS_SYSTEM).setValue(person.gpPractice())));
        add(patient);
    }

    SummaryBundleBuilder allergy(ClinicalCodes.Code code, LocalDate recorded) {
        if (isNew("allergy", code)) {
            AllergyIntolerance allergy = new AllergyIntolerance();
            allergy.setId(itemId("a"));
            allergy.setClinicalStatus(concept("http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical",
                    "active"));
            allergy.setVerificationStatus(concept(
                    "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification", "confirmed"));
            allergy.setCode(snomed(code));
            allergy.setPatient(patientReference());
            allergy.setRecordedDateElement(new DateTimeType(recorded.toString()));
            add(allergy);
        }
        return this;
    }

    SummaryBundleBuilder medication(ClinicalCodes.Code code, LocalDate started) {
        if (isNew("medication", code)) {
            MedicationStatement medication = new MedicationStatement();
            medication.setId(itemId("m"));
            medication.setStatus(MedicationStatement.MedicationStatementStatus.ACTIVE);
            medication.setMedication(snomed(code));
            medication.setSubject(patientReference());
            medication.setEffective(new DateTimeType(started.toString()));
            medication.setDateAssertedElement(new DateTimeType(started.toString()));
            add(medication);
        }
        return this;
    }

    SummaryBundleBuilder condition(ClinicalCodes.Code code, LocalDate onset) {
        if (isNew("condition", code)) {
            Condition condition = new Condition();
            condition.setId(itemId("c"));
            condition.setClinicalStatus(concept("http://terminology.hl7.org/CodeSystem/condition-clinical", "active"));
            condition.setCode(snomed(code));
            condition.setSubject(patientReference());
            condition.setOnset(new DateTimeType(onset.toString()));
            condition.setRecordedDateElement(new DateTimeType(onset.toString()));
            add(condition);
        }
        return this;
    }

    /** Adds another resource of the person (analytics demo data: test results, stays), its id made from theirs. */
    SummaryBundleBuilder item(Resource resource, String kind) {
        resource.setId(itemId(kind));
        add(resource);
        return this;
    }

    /** The reference to the bundle's patient, for the subject of an added resource. */
    Reference subject() {
        return patientReference();
    }

    String toJson() {
        return FHIR.newJsonParser().encodeResourceToString(bundle);
    }

    private boolean isNew(String kind, ClinicalCodes.Code code) {
        return codesAdded.add(kind + "|" + code.code());
    }

    private String itemId(String kind) {
        return patientId + "-" + kind + (++items);
    }

    private void add(Resource resource) {
        String url = resource.fhirType() + "/" + resource.getIdElement().getIdPart();
        bundle.addEntry().setFullUrl(url).setResource(resource).getRequest()
                .setMethod(Bundle.HTTPVerb.PUT).setUrl(url);
    }

    private Reference patientReference() {
        return new Reference("Patient/" + patientId);
    }

    private static CodeableConcept snomed(ClinicalCodes.Code code) {
        return new CodeableConcept().addCoding(new Coding(ClinicalCodes.SNOMED_CT, code.code(), code.display()));
    }

    private static CodeableConcept concept(String system, String code) {
        return new CodeableConcept().addCoding(new Coding().setSystem(system).setCode(code));
    }
}
