package org.kmcr.ingest.hl7;

import static org.kmcr.ingest.hl7.Hl7Fields.get;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.v251.group.MDM_T02_OBSERVATION;
import ca.uhn.hl7v2.model.v251.group.ORU_R01_OBSERVATION;
import ca.uhn.hl7v2.model.v251.group.ORU_R01_ORDER_OBSERVATION;
import ca.uhn.hl7v2.model.v251.group.ORU_R01_PATIENT_RESULT;
import ca.uhn.hl7v2.model.v251.message.MDM_T02;
import ca.uhn.hl7v2.model.v251.message.ORU_R01;
import ca.uhn.hl7v2.model.v251.segment.NTE;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Encounter.EncounterStatus;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.kmcr.common.problem.Problem.FieldError;
import org.kmcr.ingest.fhir.Submission;
import org.kmcr.ingest.fhir.Submission.Relationship;
import org.kmcr.ingest.fhir.Submission.Removal;

/**
 * An HL7 v2 message as a submission of UK Core resources, stored by the same path as a FHIR bundle. The events
 * taken: ADT A01-A05, A08, A11-A13, A28, A31, A34, A40; ORU^R01; MDM^T02 (docs/api.md, "HL7 v2"). The patient is
 * always stored (every message carries its PID). Item ids are the sender's: the visit number (PV1-19) for the
 * Encounter, the filler (else placer) order number for a DiagnosticReport and, with OBX-1 (else its position), for
 * each Observation; the unique document number (TXA-12) for a DocumentReference.
 */
public final class Hl7Translator {

    public static final String VISIT_SYSTEM = "https://fhir.kmcr.example/Id/visit-number/";
    static final Set<String> ENCOUNTER_EVENTS = Set.of("A01", "A02", "A03", "A04", "A05", "A11", "A12", "A13");
    static final Set<String> PATIENT_EVENTS = Set.of("A08", "A28", "A31");
    static final Set<String> MERGE_EVENTS = Set.of("A34", "A40");
    static final String ADMISSION = "admission";
    static final String ENCOUNTER = "encounter";

    /** What KMCR already holds that an ADT event changes: the visit's encounter and the patient's location. */
    public record Stored(Encounter encounter, Location currentLocation) {
        public static final Stored NOTHING = new Stored(null, null);
    }

    private Hl7Translator() {
    }

    /** The message type and event, e.g. ADT^A01; a 400 problem (AR) for one KMCR does not take. */
    public static String event(Message message) {
        Segment msh = Hl7Fields.segment(message, "MSH");
        String code = get(msh, 9, 1);
        String trigger = get(msh, 9, 2);
        boolean taken = "ADT".equals(code) && (ENCOUNTER_EVENTS.contains(trigger) || PATIENT_EVENTS.contains(trigger)
                || MERGE_EVENTS.contains(trigger))
                || "ORU".equals(code) && "R01".equals(trigger) || "MDM".equals(code) && "T02".equals(trigger);
        if (!taken) {
            boolean knownType = "ADT".equals(code) || "ORU".equals(code) || "MDM".equals(code);
            throw Hl7Problems.rejected(knownType ? Hl7Problems.UNSUPPORTED_EVENT : Hl7Problems.UNSUPPORTED_MESSAGE_TYPE,
                    "MSH-9", "KMCR does not take " + code + "^" + trigger + " messages: it takes ADT A01-A05, A08, "
                            + "A11-A13, A28, A31, A34, A40, ORU^R01 and MDM^T02");
        }
        return code + "^" + trigger;
    }

    /** The sender's local patient id and visit number an encounter event changes (to load what is stored), or null. */
    public static String[] encounterKey(Message message) {
        String trigger = event(message).substring(4);
        if (!ENCOUNTER_EVENTS.contains(trigger)) {
            return null;
        }
        String visit = get(Hl7Fields.segment(message, "PV1"), 19);
        PatientSegments.Read read = PatientSegments.read(Hl7Fields.segment(message, "PID"), null, "", Instant.EPOCH,
                new ArrayList<>());
        String localId = read.patient().getIdElement().getIdPart();
        return visit == null || localId == null ? null
                : new String[] {Hl7Fields.fhirId(visit), Hl7Fields.fhirId("current-" + localId)};
    }

    /** The message as a submission; a 422 problem (AE) naming every field at fault. */
    public static Submission translate(Message message, String senderOrg, Stored stored) {
        String event = event(message);
        List<FieldError> errors = new ArrayList<>();
        Segment msh = Hl7Fields.segment(message, "MSH");
        String controlId = get(msh, 10);
        if (controlId == null) {
            errors.add(new FieldError("MSH-10", "The message needs a control id (MSH-10)"));
        }
        Instant at = time(message, errors);
        PatientSegments.Read patient = PatientSegments.read(Hl7Fields.segment(message, "PID"),
                Hl7Fields.segment(message, "PD1"), senderOrg, at, errors);
        if (!errors.isEmpty()) {
            throw Hl7Problems.invalid(Hl7Problems.REQUIRED_FIELD_MISSING, errors);
        }
        String localId = patient.patient().getIdElement().getIdPart();
        Reference subject = new Reference("Patient/" + localId);
        List<Resource> entries = new ArrayList<>();
        entries.add(patient.patient());
        List<Removal> removals = new ArrayList<>();
        List<Relationship> relationships = new ArrayList<>();
        String merged = null;
        String trigger = event.substring(4);
        if (event.startsWith("ADT")) {
            allergies(message, localId, subject, at, entries);
            if (ENCOUNTER_EVENTS.contains(trigger)) {
                encounter(message, trigger, senderOrg, localId, subject, at, stored, entries, removals, relationships,
                        errors);
            } else if (MERGE_EVENTS.contains(trigger)) {
                merged = get(Hl7Fields.segment(message, "MRG"), 1);
                if (merged == null) {
                    errors.add(new FieldError("MRG-1", "A merge needs the retired local patient id in MRG-1"));
                }
            }
        } else if (event.equals("ORU^R01")) {
            try {
                results((ORU_R01) message, subject, at, entries, removals, errors);
            } catch (HL7Exception e) {
                errors.add(new FieldError("OBR", "The results could not be read: " + e.getMessage()));
            }
        } else {
            document((MDM_T02) message, subject, senderOrg, at, entries, errors);
        }
        if (!errors.isEmpty()) {
            throw Hl7Problems.invalid(Hl7Problems.REQUIRED_FIELD_MISSING, errors);
        }
        return new Submission(patient.patient(), patient.nhsNumber(), entries, patient.gpPracticeOdsCodes(),
                Set.of("Patient/" + localId), "HL7v2:" + get(msh, 3) + ":" + controlId, removals, relationships,
                merged == null ? null : Hl7Fields.fhirId(merged), Set.of());
    }

    /** When the event happened: EVN-6 (occurred), else EVN-2 (recorded), else MSH-7. */
    private static Instant time(Message message, List<FieldError> errors) {
        Segment evn = Hl7Fields.segment(message, "EVN");
        String value = get(evn, 6) != null ? get(evn, 6) : get(evn, 2) != null ? get(evn, 2)
                : get(Hl7Fields.segment(message, "MSH"), 7);
        try {
            Instant at = Hl7Times.instant(value);
            if (at == null) {
                errors.add(new FieldError("MSH-7", "The message needs its date/time (MSH-7)"));
            }
            return at;
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("MSH-7", e.getMessage()));
            return null;
        }
    }

    private static void allergies(Message message, String localId, Reference subject, Instant at,
            List<Resource> entries) {
        for (Segment al1 : Hl7Fields.all(message, "AL1")) {
            String key = get(al1, 3, 1) != null ? get(al1, 3, 1) : get(al1, 3, 2);
            if (key != null) {
                entries.add(ClinicalSegments.allergy(al1, localId + "-al1-" + key, subject, at));
            }
        }
    }

    private static void encounter(Message message, String trigger, String senderOrg, String localId,
            Reference subject, Instant at, Stored stored, List<Resource> entries, List<Removal> removals,
            List<Relationship> relationships, List<FieldError> errors) {
        Segment pv1 = Hl7Fields.segment(message, "PV1");
        String visit = get(pv1, 19);
        if (visit == null) {
            errors.add(new FieldError("PV1-19", "An " + trigger + " needs the visit number (PV1-19): it identifies "
                    + "the encounter that later events change or cancel"));
            return;
        }
        String encounterId = Hl7Fields.fhirId(visit);
        if ("A11".equals(trigger)) {
            removals.add(new Removal("Encounter", encounterId, "cancelled by the source (A11 cancel admit/visit)"));
            Location current = stored.currentLocation();
            if (current != null && visit.equals(current.getIdentifierFirstRep().getValue())) {
                removals.add(new Removal("Location", current.getIdElement().getIdPart(),
                        "the location of a cancelled admission/visit (A11)"));
            }
            return;
        }
        Encounter encounter;
        try {
            encounter = EncounterEvents.apply(trigger, pv1, senderOrg, visit, at, stored.encounter());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("PV1-44", e.getMessage()));
            return;
        }
        encounter.setSubject(subject);
        entries.add(encounter);
        if (!"A05".equals(trigger)) {
            entries.add(EncounterEvents.currentLocation(encounter, pv1, senderOrg, localId, at));
        }
        LocalDate started = encounter.getPeriod().hasStart()
                ? LocalDate.ofInstant(encounter.getPeriod().getStart().toInstant(), Hl7Times.UK) : null;
        if ("A04".equals(trigger)) {
            relationships.add(new Relationship(ENCOUNTER, started, null));
        } else if (!"A05".equals(trigger) && !"A12".equals(trigger)) {
            LocalDate ended = encounter.getStatus() == EncounterStatus.FINISHED && encounter.getPeriod().hasEnd()
                    ? LocalDate.ofInstant(encounter.getPeriod().getEnd().toInstant(), Hl7Times.UK) : null;
            relationships.add(new Relationship(ADMISSION, started, ended));
        }
    }

    private static void results(ORU_R01 oru, Reference subject, Instant at, List<Resource> entries,
            List<Removal> removals, List<FieldError> errors) throws HL7Exception {
        int orderIndex = 0;
        for (ORU_R01_PATIENT_RESULT result : oru.getPATIENT_RESULTAll()) {
            for (ORU_R01_ORDER_OBSERVATION order : result.getORDER_OBSERVATIONAll()) {
                orderIndex++;
                Segment obr = order.getOBR();
                Segment orc = order.getORC();
                String id = firstOf(get(obr, 3), get(obr, 2), get(orc, 3), get(orc, 2));
                if (id == null) {
                    errors.add(new FieldError("OBR[" + orderIndex + "]-3", "A result needs the filler (OBR-3) or placer "
                            + "(OBR-2) order number: it identifies the report that corrections replace"));
                    continue;
                }
                Instant reportTime = Hl7Times.instant(get(obr, 22)) != null ? Hl7Times.instant(get(obr, 22)) : at;
                DiagnosticReport report = ClinicalSegments.report(obr, id, subject, at);
                int position = 0;
                for (ORU_R01_OBSERVATION group : order.getOBSERVATIONAll()) {
                    position++;
                    Segment obx = group.getOBX();
                    if (Hl7Fields.get(obx, 3) == null) {
                        continue;
                    }
                    String setId = get(obx, 1) != null ? get(obx, 1) : String.valueOf(position);
                    String observationId = Hl7Fields.fhirId(id + "-" + setId);
                    if (ClinicalSegments.removesResult(obx)) {
                        removals.add(new Removal("Observation", observationId, "deleted by the source (OBX-11 "
                                + get(obx, 11) + ")"));
                        continue;
                    }
                    List<String> notes = group.getNTEAll().stream().map(Hl7Translator::comment)
                            .filter(java.util.Objects::nonNull).toList();
                    Observation observation = ClinicalSegments.observation(obx, observationId, subject, reportTime,
                            notes);
                    observation.getMeta().setLastUpdated(Hl7Times.asDate(at));
                    report.addResult(new Reference("Observation/" + observation.getIdElement().getIdPart()));
                    entries.add(observation);
                }
                entries.add(report);
            }
        }
    }

    private static String comment(NTE nte) {
        return nte.getComment().length == 0 ? null : nte.getComment(0).getValue();
    }

    private static void document(MDM_T02 mdm, Reference subject, String senderOrg, Instant at, List<Resource> entries,
            List<FieldError> errors) {
        Segment txa = mdm.getTXA();
        String id = firstOf(get(txa, 12), get(txa, 16), get(txa, 14));
        if (id == null) {
            errors.add(new FieldError("TXA-12", "A document needs its unique document number (TXA-12)"));
            return;
        }
        List<Segment> lines = new ArrayList<>();
        try {
            for (MDM_T02_OBSERVATION group : mdm.getOBSERVATIONAll()) {
                lines.add(group.getOBX());
            }
        } catch (HL7Exception e) {
            errors.add(new FieldError("OBX", "The document's text could not be read: " + e.getMessage()));
            return;
        }
        entries.add(ClinicalSegments.document(txa, id, lines, subject, senderOrg, at));
    }

    private static String firstOf(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
