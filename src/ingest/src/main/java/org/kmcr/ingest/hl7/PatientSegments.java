package org.kmcr.ingest.hl7;

import static org.kmcr.ingest.hl7.Hl7Fields.get;
import static org.kmcr.ingest.hl7.Hl7Fields.repetitions;

import ca.uhn.hl7v2.model.Segment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.kmcr.common.nhs.NhsNumber;
import org.kmcr.ingest.mapping.PatientFacts;
import org.kmcr.common.problem.Problem.FieldError;
import org.kmcr.ingest.fhir.BundleReader;

/**
 * PID and PD1 as a UK Core Patient, by the ITK/HL7 UK conventions: the NHS number is the PID-3 repetition whose
 * identifier type (CX-5) is NHS, NH or NHSNMBR, or whose assigning authority (CX-4) is NHS or NHSNBR; the sender's
 * local patient id is the first other PID-3 repetition (else PID-2); the registered practice is PD1-3 (XON-10, or
 * XON-3 in v2.3).
 */
final class PatientSegments {

    static final Set<String> NHS_TYPES = Set.of("NHS", "NH", "NHSNMBR");
    static final Set<String> NHS_AUTHORITIES = Set.of("NHS", "NHSNBR", "NHSNMBR");
    /** The system of a sender's local patient ids: this prefix and the sender's ODS code. */
    static final String LOCAL_ID_SYSTEM = "https://fhir.kmcr.example/Id/local-patient-id/";

    /** The patient, its NHS number (null when missing or invalid: then the errors say why) and registered practices. */
    record Read(Patient patient, String nhsNumber, List<String> gpPracticeOdsCodes) {
    }

    private PatientSegments() {
    }

    static Read read(Segment pid, Segment pd1, String senderOrg, Instant at, List<FieldError> errors) {
        if (pid == null) {
            errors.add(new FieldError("PID", "The message has no PID segment: KMCR needs the patient"));
            return new Read(new Patient(), null, List.of());
        }
        String nhsNumber = null;
        String localId = null;
        for (int rep = 0; rep < repetitions(pid, 3); rep++) {
            String value = get(pid, 3, rep, 1, 1);
            if (value == null) {
                continue;
            }
            String type = get(pid, 3, rep, 5, 1);
            String authority = get(pid, 3, rep, 4, 1);
            if ((type != null && NHS_TYPES.contains(type)) || (authority != null && NHS_AUTHORITIES.contains(authority))) {
                String field = "PID-3(" + (rep + 1) + ")";
                NhsNumber.problemWith(value).ifPresent(problem -> errors.add(new FieldError(field, problem)));
                nhsNumber = NhsNumber.isValid(value) ? value : null;
                if (nhsNumber == null && errors.stream().noneMatch(e -> e.field().equals(field))) {
                    errors.add(new FieldError(field, "Not a valid NHS number"));
                }
            } else if (localId == null) {
                localId = value;
            }
        }
        if (localId == null) {
            localId = get(pid, 2);
        }
        if (localId == null) {
            errors.add(new FieldError("PID-3", "The patient needs the sender's own local id (an MRN) in PID-3"));
        }
        Patient patient = new Patient();
        if (localId != null) {
            patient.setId(Hl7Fields.fhirId(localId));
            patient.addIdentifier().setSystem(LOCAL_ID_SYSTEM + senderOrg).setValue(localId);
        }
        if (nhsNumber != null) {
            patient.addIdentifier(new Identifier().setSystem(NhsNumber.SYSTEM).setValue(nhsNumber));
        }
        patient.getMeta().setLastUpdated(Hl7Times.asDate(at));
        name(pid, patient);
        birthAndDeath(pid, patient, errors);
        patient.setGender(gender(get(pid, 8)));
        address(pid, patient);
        telephone(pid, patient);
        boolean nhsNumberRefused = errors.stream().anyMatch(e -> e.field().startsWith("PID-3("));
        if (nhsNumber == null && !nhsNumberRefused) {
            PatientFacts.unmatchableWithoutNhsNumber(patient).ifPresent(problem -> errors.add(new FieldError("PID-3",
                    "The patient has no NHS number in PID-3 (identifier type NHS, NH or NHSNMBR). " + problem
                            + " (PID-5, PID-7)")));
        }
        List<String> practices = practices(pd1);
        practices.forEach(ods -> patient.addGeneralPractitioner(new Reference().setIdentifier(
                new Identifier().setSystem(BundleReader.ODS_SYSTEM).setValue(ods))));
        return new Read(patient, nhsNumber, practices);
    }

    private static void name(Segment pid, Patient patient) {
        for (int rep = 0; rep < repetitions(pid, 5); rep++) {
            String family = get(pid, 5, rep, 1, 1);
            if (family == null && get(pid, 5, rep, 2, 1) == null) {
                continue;
            }
            HumanName name = patient.addName().setFamily(family);
            if (get(pid, 5, rep, 2, 1) != null) {
                name.addGiven(get(pid, 5, rep, 2, 1));
            }
            if (get(pid, 5, rep, 3, 1) != null) {
                name.addGiven(get(pid, 5, rep, 3, 1));
            }
            if (get(pid, 5, rep, 5, 1) != null) {
                name.addPrefix(get(pid, 5, rep, 5, 1));
            }
            name.setUse(rep == 0 ? HumanName.NameUse.OFFICIAL : HumanName.NameUse.USUAL);
        }
    }

    private static void birthAndDeath(Segment pid, Patient patient, List<FieldError> errors) {
        try {
            if (get(pid, 7) != null) {
                patient.setBirthDateElement(new DateType(Hl7Times.date(get(pid, 7)).toString()));
            }
            if (get(pid, 29) != null) {
                patient.setDeceased(new DateTimeType(java.util.Date.from(Hl7Times.instant(get(pid, 29)))));
            } else if ("Y".equals(get(pid, 30))) {
                patient.setDeceased(new org.hl7.fhir.r4.model.BooleanType(true));
            }
        } catch (RuntimeException e) {
            errors.add(new FieldError("PID-7", "The birth or death date is not an HL7 date: " + e.getMessage()));
        }
    }

    static AdministrativeGender gender(String code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "M" -> AdministrativeGender.MALE;
            case "F" -> AdministrativeGender.FEMALE;
            case "O", "A", "N" -> AdministrativeGender.OTHER;
            default -> AdministrativeGender.UNKNOWN;
        };
    }

    private static void address(Segment pid, Patient patient) {
        for (int rep = 0; rep < repetitions(pid, 11); rep++) {
            Address address = new Address();
            for (int component : new int[] {1, 2}) {
                String line = get(pid, 11, rep, component, 1);
                if (line != null) {
                    address.addLine(line);
                }
            }
            address.setCity(get(pid, 11, rep, 3, 1)).setDistrict(get(pid, 11, rep, 4, 1))
                    .setPostalCode(get(pid, 11, rep, 5, 1)).setCountry(get(pid, 11, rep, 6, 1));
            String type = get(pid, 11, rep, 7, 1);
            address.setUse("H".equals(type) || "HOME".equals(type) ? Address.AddressUse.HOME : null);
            if (!address.isEmpty()) {
                patient.addAddress(address);
            }
        }
    }

    private static void telephone(Segment pid, Patient patient) {
        for (int rep = 0; rep < repetitions(pid, 13); rep++) {
            String number = get(pid, 13, rep, 1, 1) != null ? get(pid, 13, rep, 1, 1) : get(pid, 13, rep, 12, 1);
            if (number != null) {
                patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(number)
                        .setUse(ContactPoint.ContactPointUse.HOME);
            }
        }
    }

    private static List<String> practices(Segment pd1) {
        List<String> codes = new ArrayList<>();
        for (int rep = 0; rep < repetitions(pd1, 3); rep++) {
            String code = get(pd1, 3, rep, 10, 1) != null ? get(pd1, 3, rep, 10, 1) : get(pd1, 3, rep, 3, 1);
            if (code != null) {
                codes.add(code);
            }
        }
        return codes;
    }
}
