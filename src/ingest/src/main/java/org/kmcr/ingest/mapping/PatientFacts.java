package org.kmcr.ingest.mapping;

import java.util.List;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.kmcr.common.identity.Demographics;
import org.kmcr.common.identity.SourcePatient;

/**
 * The patient facts of a source message (NHS number, demographics, registered practice), extracted in this one
 * place for every feed: FHIR bundles and HL7 v2 messages (mapped to a UK Core Patient first) alike.
 */
public final class PatientFacts {

    private PatientFacts() {
    }

    /**
     * Why a patient without an NHS number cannot be matched, or empty when it can: without one, the MPI matches on
     * demographics, and needs at least the family name and the birth date (the same rule for every feed). A patient
     * with an NHS number always can; an invalid NHS number is refused where it is read, never used.
     */
    public static java.util.Optional<String> unmatchableWithoutNhsNumber(Patient patient) {
        boolean family = patient.getName().stream().anyMatch(HumanName::hasFamily);
        if (family && patient.hasBirthDate()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("Without an NHS number the patient is matched on demographics: it needs at "
                + "least a family name and a birth date" + (family ? " (no birth date)" : patient.hasBirthDate()
                ? " (no family name)" : ""));
    }

    /**
     * The source patient as the MPI is told about it.
     *
     * @param gpPracticeOdsCodes the registered practices the message names (by identifier or by reference), first
     *                           is the registered practice
     */
    public static SourcePatient of(String sourceOrg, String sourceSystem, Patient patient, String nhsNumber,
            List<String> gpPracticeOdsCodes) {
        HumanName name = patient.getNameFirstRep();
        Address address = patient.getAddressFirstRep();
        Demographics demographics = new Demographics(name.getFamily(),
                name.getGiven().stream().map(PrimitiveType::getValue).toList(),
                patient.hasBirthDate() ? patient.getBirthDateElement().getValueAsString() : null,
                patient.hasGender() ? patient.getGender().toCode() : null,
                address.getLine().stream().map(PrimitiveType::getValue).toList(), address.getCity(),
                address.getPostalCode(), patient.getTelecom().stream()
                        .filter(contact -> contact.getSystem() == ContactPoint.ContactPointSystem.PHONE)
                        .map(ContactPoint::getValue).findFirst().orElse(null),
                gpPracticeOdsCodes.isEmpty() ? null : gpPracticeOdsCodes.get(0),
                patient.hasDeceasedDateTimeType() ? patient.getDeceasedDateTimeType().getValueAsString() : null);
        return new SourcePatient(sourceOrg, sourceSystem, patient.getIdElement().getIdPart(), nhsNumber, demographics);
    }
}
