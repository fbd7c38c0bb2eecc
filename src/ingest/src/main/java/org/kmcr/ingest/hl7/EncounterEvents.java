package org.kmcr.ingest.hl7;

import static org.kmcr.ingest.hl7.Hl7Fields.get;

import ca.uhn.hl7v2.model.Segment;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Encounter.EncounterLocationComponent;
import org.hl7.fhir.r4.model.Encounter.EncounterLocationStatus;
import org.hl7.fhir.r4.model.Encounter.EncounterStatus;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.kmcr.ingest.fhir.BundleReader;

/**
 * What an ADT event does to the visit (PV1-19) it is about, as a UK Core Encounter, and where it leaves the person:
 * <ul>
 * <li>A01 admit, A04 register (A&amp;E attendance, outpatient): the encounter starts, in progress, at PV1-3.</li>
 * <li>A05 pre-admit: a planned encounter; the person has not moved.</li>
 * <li>A02 transfer: the current location is completed and PV1-3 becomes the active one.</li>
 * <li>A03 discharge: the encounter is finished (PV1-45, else the event time); the person is at the discharge
 * destination (PV1-37, else by PV1-36: home, a care home, another hospital).</li>
 * <li>A12 cancel transfer: the last location is taken off and the one before is active again.</li>
 * <li>A13 cancel discharge: the encounter is in progress again at its last location.</li>
 * <li>A11 cancel admit/visit: the encounter is removed (see {@code Hl7Translator}).</li>
 * </ul>
 * The encounter's location history is what makes cancels exact: each one undoes the step it cancels on the stored
 * encounter, whatever else the message repeats.
 */
final class EncounterEvents {

    static final String ROLE_CODES = "http://terminology.hl7.org/CodeSystem/v3-RoleCode";
    static final String ACT_CODES = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    /** Discharge destinations (NHS Data Dictionary) that are a care home, another hospital. */
    static final Set<String> CARE_HOME_DESTINATIONS = Set.of("54", "65", "85", "88");
    static final Set<String> HOSPITAL_DESTINATIONS = Set.of("49", "50", "51", "52", "53", "87");
    static final Set<String> MENTAL_HEALTH_SERVICES = Set.of("PSY", "MH", "MHU", "710", "711", "712", "715");

    private EncounterEvents() {
    }

    /** The encounter after the event; {@code stored} is the encounter as KMCR holds it, or null. */
    static Encounter apply(String event, Segment pv1, String senderOrg, String visitId, Instant at, Encounter stored) {
        Encounter encounter = stored != null ? stored.copy() : fresh(pv1, senderOrg, visitId);
        encounter.setClass_(encounterClass(get(pv1, 2)));
        if (get(pv1, 10) != null) {
            encounter.setServiceType(new CodeableConcept().setText(get(pv1, 10)));
        }
        Instant admitted = Hl7Times.instant(get(pv1, 44));
        switch (event) {
            case "A01", "A04" -> {
                encounter.setStatus(EncounterStatus.INPROGRESS);
                encounter.getPeriod().setStart(Hl7Times.asDate(admitted != null ? admitted : at));
                if (activeLocation(encounter) == null || !sameLocation(activeLocation(encounter), pv1)) {
                    moveTo(encounter, pv1, at);
                }
            }
            case "A05" -> {
                encounter.setStatus(EncounterStatus.PLANNED);
                if (admitted != null) {
                    encounter.getPeriod().setStart(Hl7Times.asDate(admitted));
                }
            }
            case "A02" -> {
                encounter.setStatus(EncounterStatus.INPROGRESS);
                if (!encounter.getPeriod().hasStart()) {
                    encounter.getPeriod().setStart(Hl7Times.asDate(admitted != null ? admitted : at));
                }
                moveTo(encounter, pv1, at);
            }
            case "A03" -> {
                Instant discharged = Hl7Times.instant(get(pv1, 45));
                encounter.setStatus(EncounterStatus.FINISHED);
                encounter.getPeriod().setEnd(Hl7Times.asDate(discharged != null ? discharged : at));
                encounter.getLocation().forEach(l -> complete(l, discharged != null ? discharged : at));
                if (get(pv1, 36) != null) {
                    encounter.getHospitalization().setDischargeDisposition(new CodeableConcept(new Coding()
                            .setCode(get(pv1, 36))));
                }
            }
            case "A12" -> cancelTransfer(encounter, pv1, at);
            case "A13" -> {
                encounter.setStatus(EncounterStatus.INPROGRESS);
                encounter.getPeriod().setEnd(null);
                encounter.getHospitalization().setDischargeDisposition(null);
                if (encounter.getLocation().isEmpty()) {
                    moveTo(encounter, pv1, at);
                } else {
                    reopen(encounter.getLocation().get(encounter.getLocation().size() - 1));
                }
            }
            default -> throw new IllegalArgumentException("not an encounter event: " + event);
        }
        encounter.getMeta().setLastUpdated(Hl7Times.asDate(at));
        return encounter;
    }

    /** Where the person is after the event, as the sender's one current-location item of the patient. */
    static Location currentLocation(Encounter encounter, Segment pv1, String senderOrg, String patientLocalId,
            Instant at) {
        Location location = new Location();
        location.setId(Hl7Fields.fhirId("current-" + patientLocalId));
        location.setStatus(Location.LocationStatus.ACTIVE);
        location.setMode(Location.LocationMode.INSTANCE);
        location.addIdentifier(new Identifier().setSystem(Hl7Translator.VISIT_SYSTEM + senderOrg)
                .setValue(encounter.getIdentifierFirstRep().getValue()));
        location.setManagingOrganization(new Reference().setIdentifier(new Identifier()
                .setSystem(BundleReader.ODS_SYSTEM).setValue(senderOrg)));
        location.getMeta().setLastUpdated(Hl7Times.asDate(at));
        if (encounter.getStatus() == EncounterStatus.FINISHED) {
            String destination = get(pv1, 37);
            String disposition = get(pv1, 36);
            String type = disposition == null ? "PTRES" : CARE_HOME_DESTINATIONS.contains(disposition) ? "NCCF"
                    : HOSPITAL_DESTINATIONS.contains(disposition) ? "HOSP" : "PTRES";
            String name = destination != null ? destination : switch (type) {
                case "NCCF" -> "Care home";
                case "HOSP" -> "Another hospital";
                default -> "Home (usual place of residence)";
            };
            location.setName("Discharged: " + name);
            location.addType(new CodeableConcept(new Coding(ROLE_CODES, type, null)));
            return location;
        }
        EncounterLocationComponent active = activeLocation(encounter);
        location.setName(active != null ? active.getLocation().getDisplay() : describe(pv1));
        String serviceOrClass = get(pv1, 10) != null && MENTAL_HEALTH_SERVICES.contains(get(pv1, 10)) ? "PSYCHF"
                : "E".equals(get(pv1, 2)) ? "ER" : "HOSP";
        location.addType(new CodeableConcept(new Coding(ROLE_CODES, serviceOrClass, switch (serviceOrClass) {
            case "PSYCHF" -> "Mental health unit";
            case "ER" -> "A&E";
            default -> "Hospital ward";
        })));
        return location;
    }

    private static Encounter fresh(Segment pv1, String senderOrg, String visitId) {
        Encounter encounter = new Encounter();
        encounter.setId(Hl7Fields.fhirId(visitId));
        encounter.addIdentifier().setSystem(Hl7Translator.VISIT_SYSTEM + senderOrg).setValue(visitId);
        encounter.setServiceProvider(new Reference().setIdentifier(new Identifier()
                .setSystem(BundleReader.ODS_SYSTEM).setValue(senderOrg)));
        encounter.setPeriod(new Period());
        return encounter;
    }

    static Coding encounterClass(String patientClass) {
        String code = patientClass == null ? "IMP" : switch (patientClass) {
            case "E" -> "EMER";
            case "O", "R" -> "AMB";
            case "P" -> "PRENC";
            case "B" -> "IMP";
            default -> "IMP";
        };
        String display = switch (code) {
            case "EMER" -> "emergency";
            case "AMB" -> "ambulatory";
            case "PRENC" -> "pre-admission";
            default -> "inpatient encounter";
        };
        return new Coding(ACT_CODES, code, display);
    }

    /** PV1-3 as text: point of care, room, bed, facility. */
    static String describe(Segment pv1) {
        List<String> parts = new java.util.ArrayList<>();
        for (int component : new int[] {1, 2, 3, 4}) {
            String part = get(pv1, 3, component);
            if (part != null) {
                parts.add(part);
            }
        }
        return parts.isEmpty() ? "Location not given" : String.join(", ", parts);
    }

    private static void moveTo(Encounter encounter, Segment pv1, Instant at) {
        encounter.getLocation().forEach(l -> complete(l, at));
        encounter.addLocation().setLocation(new Reference().setDisplay(describe(pv1)))
                .setStatus(EncounterLocationStatus.ACTIVE).setPeriod(new Period().setStart(Hl7Times.asDate(at)));
    }

    private static void cancelTransfer(Encounter encounter, Segment pv1, Instant at) {
        List<EncounterLocationComponent> locations = encounter.getLocation();
        if (locations.size() >= 2) {
            locations.remove(locations.size() - 1);
            reopen(locations.get(locations.size() - 1));
        } else {
            // KMCR never saw the transfer: the person is where the cancel says they are (PV1-3)
            locations.clear();
            moveTo(encounter, pv1, at);
        }
    }

    private static void complete(EncounterLocationComponent location, Instant at) {
        if (location.getStatus() == EncounterLocationStatus.ACTIVE) {
            location.setStatus(EncounterLocationStatus.COMPLETED);
            location.getPeriod().setEnd(Hl7Times.asDate(at));
        }
    }

    private static void reopen(EncounterLocationComponent location) {
        location.setStatus(EncounterLocationStatus.ACTIVE);
        location.getPeriod().setEnd(null);
    }

    private static EncounterLocationComponent activeLocation(Encounter encounter) {
        return encounter.getLocation().stream().filter(l -> l.getStatus() == EncounterLocationStatus.ACTIVE)
                .reduce((first, second) -> second).orElse(null);
    }

    private static boolean sameLocation(EncounterLocationComponent location, Segment pv1) {
        return describe(pv1).equals(location.getLocation().getDisplay());
    }
}
