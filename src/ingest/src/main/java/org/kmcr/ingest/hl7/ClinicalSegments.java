package org.kmcr.ingest.hl7;

import static org.kmcr.ingest.hl7.Hl7Fields.get;
import static org.kmcr.ingest.hl7.Hl7Fields.repetitions;

import ca.uhn.hl7v2.model.Segment;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * OBR/OBX (pathology), TXA/OBX (documents) and AL1 (allergies) as UK Core resources. Codes keep the sender's
 * coding system: SNOMED CT when it says so (SCT, SNM, SNM3, SNOMED), LOINC (LN), else the sender's own system
 * named {@link #LOCAL_CODES} + its name.
 */
final class ClinicalSegments {

    static final String LOCAL_CODES = "https://fhir.kmcr.example/CodeSystem/hl7v2/";
    static final String INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";
    static final String DOCUMENT_TYPES = "http://terminology.hl7.org/CodeSystem/v2-0270";
    static final String SNOMED = "http://snomed.info/sct";
    private static final Pattern RANGE = Pattern.compile("\\s*\\[?\\s*(-?[\\d.]+)\\s*-\\s*(-?[\\d.]+)\\s*]?\\s*");
    private static final Pattern BOUND = Pattern.compile("\\s*([<>])=?\\s*(-?[\\d.]+)\\s*");

    private ClinicalSegments() {
    }

    static CodeableConcept code(Segment segment, int field) {
        CodeableConcept concept = new CodeableConcept();
        String code = get(segment, field, 1);
        String text = get(segment, field, 2);
        if (code != null) {
            concept.addCoding(new Coding(system(get(segment, field, 3)), code, text));
        }
        return concept.setText(text);
    }

    static String system(String name) {
        if (name == null) {
            return null;
        }
        return switch (name.toUpperCase(java.util.Locale.ROOT)) {
            case "SCT", "SNM", "SNM3", "SNOMED", "SNOMEDCT" -> SNOMED;
            case "LN", "LOINC" -> "http://loinc.org";
            default -> LOCAL_CODES + Hl7Fields.fhirId(name);
        };
    }

    /** OBR as a DiagnosticReport with the given id; the observations are added as results by the caller. */
    static DiagnosticReport report(Segment obr, String id, Reference patient, Instant at) {
        DiagnosticReport report = new DiagnosticReport();
        report.setId(Hl7Fields.fhirId(id));
        report.addIdentifier(new Identifier().setValue(id));
        report.setSubject(patient);
        report.setCode(code(obr, 4));
        report.addCategory(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v2-0074", "LAB",
                "Laboratory")));
        report.setStatus(reportStatus(get(obr, 25)));
        Instant observed = Hl7Times.instant(get(obr, 7));
        if (observed != null) {
            report.setEffective(new DateTimeType(Hl7Times.asDate(observed)));
        }
        Instant issued = Hl7Times.instant(get(obr, 22));
        report.setIssued(Hl7Times.asDate(issued != null ? issued : at));
        report.getMeta().setLastUpdated(Hl7Times.asDate(at));
        return report;
    }

    static DiagnosticReport.DiagnosticReportStatus reportStatus(String code) {
        if (code == null) {
            return DiagnosticReport.DiagnosticReportStatus.FINAL;
        }
        return switch (code) {
            case "P" -> DiagnosticReport.DiagnosticReportStatus.PRELIMINARY;
            case "C" -> DiagnosticReport.DiagnosticReportStatus.CORRECTED;
            case "I", "S", "O" -> DiagnosticReport.DiagnosticReportStatus.REGISTERED;
            case "R", "A" -> DiagnosticReport.DiagnosticReportStatus.PARTIAL;
            case "X" -> DiagnosticReport.DiagnosticReportStatus.CANCELLED;
            default -> DiagnosticReport.DiagnosticReportStatus.FINAL;
        };
    }

    /** OBX as an Observation: its value by OBX-2, units, reference range (OBX-7) and abnormal flags (OBX-8). */
    static Observation observation(Segment obx, String id, Reference patient, Instant fallbackTime,
            List<String> notes) {
        Observation observation = new Observation();
        observation.setId(Hl7Fields.fhirId(id));
        observation.setSubject(patient);
        observation.setCode(code(obx, 3));
        observation.addCategory(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/observation-category", "laboratory", "Laboratory")));
        observation.setStatus(observationStatus(get(obx, 11)));
        String value = get(obx, 5);
        String unit = get(obx, 6, 1) != null ? get(obx, 6, 1) : get(obx, 6, 2);
        String type = get(obx, 2);
        if (value != null) {
            if ("NM".equals(type) && isNumber(value)) {
                observation.setValue(new Quantity().setValue(new BigDecimal(value.trim())).setUnit(unit));
            } else if ("CE".equals(type) || "CWE".equals(type)) {
                observation.setValue(code(obx, 5));
            } else {
                observation.setValue(new StringType(allRepetitions(obx, 5)));
            }
        }
        referenceRange(get(obx, 7), unit, observation);
        for (int rep = 0; rep < repetitions(obx, 8); rep++) {
            String flag = get(obx, 8, rep, 1, 1);
            if (flag != null && !"None".equalsIgnoreCase(flag)) {
                observation.addInterpretation(new CodeableConcept(new Coding(INTERPRETATION, flag, null)));
            }
        }
        Instant observed = Hl7Times.instant(get(obx, 14));
        observation.setEffective(new DateTimeType(Hl7Times.asDate(observed != null ? observed : fallbackTime)));
        notes.forEach(note -> observation.addNote(new Annotation().setText(note)));
        observation.getMeta().setLastUpdated(Hl7Times.asDate(fallbackTime));
        return observation;
    }

    /** OBX-11 D (deleted) and W (wrong patient) remove a result the sender sent before. */
    static boolean removesResult(Segment obx) {
        return "D".equals(get(obx, 11)) || "W".equals(get(obx, 11));
    }

    static Observation.ObservationStatus observationStatus(String code) {
        if (code == null) {
            return Observation.ObservationStatus.FINAL;
        }
        return switch (code) {
            case "P", "R", "S" -> Observation.ObservationStatus.PRELIMINARY;
            case "C" -> Observation.ObservationStatus.CORRECTED;
            case "X" -> Observation.ObservationStatus.CANCELLED;
            case "I" -> Observation.ObservationStatus.REGISTERED;
            default -> Observation.ObservationStatus.FINAL;
        };
    }

    private static void referenceRange(String range, String unit, Observation observation) {
        if (range == null || range.replaceAll("[\\[\\]\\s]", "").isEmpty()) {
            return;
        }
        Observation.ObservationReferenceRangeComponent component = observation.addReferenceRange().setText(range);
        Matcher between = RANGE.matcher(range);
        Matcher bound = BOUND.matcher(range);
        if (between.matches()) {
            component.setLow(quantity(between.group(1), unit)).setHigh(quantity(between.group(2), unit));
        } else if (bound.matches()) {
            if ("<".equals(bound.group(1))) {
                component.setHigh(quantity(bound.group(2), unit));
            } else {
                component.setLow(quantity(bound.group(2), unit));
            }
        }
    }

    private static Quantity quantity(String value, String unit) {
        return new Quantity().setValue(new BigDecimal(value)).setUnit(unit);
    }

    private static boolean isNumber(String value) {
        try {
            new BigDecimal(value.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String allRepetitions(Segment segment, int field) {
        List<String> values = new java.util.ArrayList<>();
        for (int rep = 0; rep < repetitions(segment, field); rep++) {
            String value = get(segment, field, rep, 1, 1);
            if (value != null) {
                values.add(value);
            }
        }
        return String.join("\n", values);
    }

    /** TXA and its OBX text lines as a DocumentReference; the text is the attachment (text/plain, UTF-8). */
    static DocumentReference document(Segment txa, String id, List<Segment> lines, Reference patient,
            String senderOrg, Instant at) {
        DocumentReference document = new DocumentReference();
        document.setId(Hl7Fields.fhirId(id));
        document.setMasterIdentifier(new Identifier().setValue(id));
        document.setStatus(DocumentReferenceStatus.CURRENT);
        String type = get(txa, 2);
        document.setType(new CodeableConcept(new Coding(DOCUMENT_TYPES, type, null)).setText(type));
        document.setSubject(patient);
        Instant written = Hl7Times.instant(get(txa, 4)) != null ? Hl7Times.instant(get(txa, 4))
                : Hl7Times.instant(get(txa, 6));
        document.setDate(Hl7Times.asDate(written != null ? written : at));
        document.setDocStatus("AU".equals(get(txa, 17)) || "LA".equals(get(txa, 17))
                ? DocumentReference.ReferredDocumentStatus.FINAL
                : "IP".equals(get(txa, 17)) || "IN".equals(get(txa, 17))
                ? DocumentReference.ReferredDocumentStatus.PRELIMINARY : DocumentReference.ReferredDocumentStatus.FINAL);
        document.setCustodian(new Reference().setIdentifier(new Identifier()
                .setSystem(org.kmcr.ingest.fhir.BundleReader.ODS_SYSTEM).setValue(senderOrg)));
        String text = String.join("\n", lines.stream().map(obx -> allRepetitions(obx, 5)).toList());
        document.addContent().getAttachment().setContentType("text/plain; charset=UTF-8")
                .setData(text.getBytes(StandardCharsets.UTF_8)).setTitle(type);
        document.getMeta().setLastUpdated(Hl7Times.asDate(at));
        return document;
    }

    /** AL1 as an AllergyIntolerance: type (AL1-2), allergen (AL1-3), severity (AL1-4), reaction (AL1-5). */
    static AllergyIntolerance allergy(Segment al1, String id, Reference patient, Instant at) {
        AllergyIntolerance allergy = new AllergyIntolerance();
        allergy.setId(Hl7Fields.fhirId(id));
        allergy.setPatient(patient);
        allergy.setCode(code(al1, 3));
        allergy.setClinicalStatus(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "active", "Active")));
        allergy.setVerificationStatus(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification", "confirmed", "Confirmed")));
        String type = get(al1, 2);
        if ("DA".equals(type)) {
            allergy.addCategory(AllergyIntolerance.AllergyIntoleranceCategory.MEDICATION);
        } else if ("FA".equals(type)) {
            allergy.addCategory(AllergyIntolerance.AllergyIntoleranceCategory.FOOD);
        } else if ("EA".equals(type) || "AA".equals(type) || "PA".equals(type)) {
            allergy.addCategory(AllergyIntolerance.AllergyIntoleranceCategory.ENVIRONMENT);
        }
        String severity = get(al1, 4);
        if ("SV".equals(severity)) {
            allergy.setCriticality(AllergyIntolerance.AllergyIntoleranceCriticality.HIGH);
        } else if ("MI".equals(severity) || "MO".equals(severity)) {
            allergy.setCriticality(AllergyIntolerance.AllergyIntoleranceCriticality.LOW);
        }
        for (int rep = 0; rep < repetitions(al1, 5); rep++) {
            String reaction = get(al1, 5, rep, 1, 1);
            if (reaction != null) {
                allergy.addReaction().addManifestation(new CodeableConcept().setText(reaction));
            }
        }
        Instant identified = Hl7Times.instant(get(al1, 6));
        allergy.setRecordedDate(Hl7Times.asDate(identified != null ? identified : at));
        allergy.getMeta().setLastUpdated(Hl7Times.asDate(at));
        return allergy;
    }
}
