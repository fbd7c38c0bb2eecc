package org.kmcr.ingest.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.kmcr.common.hash.Sha256;
import org.kmcr.common.nhs.NhsNumber;
import org.kmcr.common.problem.Problem.FieldError;
import org.kmcr.common.problem.ProblemException;

/**
 * Parses a FHIR R4 JSON bundle strictly and checks what KMCR needs before storing anything: one Patient with
 * a valid NHS number, accepted resource types only, every item with an id and about that Patient. All
 * problems are reported at once, each with its FHIRPath location.
 */
@ApplicationScoped
public class BundleReader {

    public static final String ODS_SYSTEM = "https://fhir.nhs.uk/Id/ods-organization-code";
    static final Set<BundleType> ACCEPTED_TYPES = EnumSet.of(BundleType.TRANSACTION, BundleType.BATCH,
            BundleType.COLLECTION);
    static final String ACCEPTED_RESOURCES =
            "Patient, AllergyIntolerance, MedicationStatement, Condition (and Organization for the GP practice)";

    private final FhirContext fhir;

    BundleReader(FhirContext fhir) {
        this.fhir = fhir;
    }

    /** The validated submission; a 400 problem when the text is not a FHIR R4 Bundle, a 422 when it breaks a rule. */
    public Submission read(String json) {
        Bundle bundle = parse(json);
        List<FieldError> errors = new ArrayList<>();
        if (!ACCEPTED_TYPES.contains(bundle.getType())) {
            errors.add(new FieldError("Bundle.type", "Bundle.type must be transaction, batch or collection"));
        }
        List<Resource> entries = new ArrayList<>();
        List<Integer> patientIndexes = new ArrayList<>();
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            Resource resource = bundle.getEntry().get(i).getResource();
            if (resource == null) {
                errors.add(new FieldError(at(i), "Every entry must carry a resource"));
                continue;
            }
            if (resource instanceof Patient) {
                patientIndexes.add(i);
            }
            entries.add(resource);
        }
        if (patientIndexes.size() != 1) {
            errors.add(new FieldError("Bundle.entry", "A bundle must be about exactly one Patient; found "
                    + patientIndexes.size()));
            throw rejected(errors);
        }
        int patientIndex = patientIndexes.get(0);
        Patient patient = (Patient) bundle.getEntry().get(patientIndex).getResource();
        String nhsNumber = nhsNumber(patient, patientIndex, errors);
        if (patient.getIdElement().getIdPart() == null) {
            errors.add(new FieldError(at(patientIndex) + ".resource.id",
                    "The Patient needs the source system's own id for the patient"));
        }
        Set<String> patientRefs = referencesTo(bundle.getEntry().get(patientIndex));
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            checkEntry(bundle.getEntry().get(i).getResource(), i, patientRefs, errors);
            refuseContained(bundle.getEntry().get(i).getResource(), i, errors);
        }
        if (!errors.isEmpty()) {
            throw rejected(errors);
        }
        return new Submission(patient, nhsNumber, entries, gpPractices(patient, bundle), patientRefs,
                messageId(bundle, json));
    }

    private Bundle parse(String json) {
        IParser parser = fhir.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
        try {
            return parser.parseResource(Bundle.class, json);
        } catch (DataFormatException | ClassCastException e) {
            throw ProblemException.badRequest("The body is not a valid FHIR R4 JSON Bundle: " + e.getMessage());
        }
    }

    private static String nhsNumber(Patient patient, int index, List<FieldError> errors) {
        Optional<String> value = patient.getIdentifier().stream()
                .filter(id -> NhsNumber.SYSTEM.equals(id.getSystem())).map(Identifier::getValue).findFirst();
        String field = at(index) + ".resource.identifier";
        if (value.isEmpty()) {
            errors.add(new FieldError(field, "The Patient must have an identifier with system " + NhsNumber.SYSTEM));
            return null;
        }
        NhsNumber.problemWith(value.get()).ifPresent(problem -> errors.add(new FieldError(field, problem)));
        return value.get();
    }

    private static void checkEntry(Resource resource, int index, Set<String> patientRefs, List<FieldError> errors) {
        if (resource == null || resource instanceof Patient || resource instanceof Organization) {
            return;
        }
        Reference subject = subjectOf(resource);
        if (subject == null) {
            errors.add(new FieldError(at(index) + ".resource", "Resource type " + resource.fhirType()
                    + " is not accepted; send " + ACCEPTED_RESOURCES));
            return;
        }
        if (!resource.hasIdElement() || resource.getIdElement().getIdPart() == null) {
            errors.add(new FieldError(at(index) + ".resource.id",
                    "Every item needs the source system's own id, so that a re-sent item replaces and never duplicates"));
        }
        if (!patientRefs.contains(subject.getReference())) {
            errors.add(new FieldError(at(index) + ".resource." + subjectField(resource),
                    "Every item must refer to the bundle's Patient"));
        }
    }

    /**
     * Contained resources would carry content past the category rules (a Patient inside an allergy, say), so they
     * are refused: send each resource as its own entry.
     */
    private static void refuseContained(Resource resource, int index, List<FieldError> errors) {
        if (resource instanceof DomainResource domain && domain.hasContained()) {
            errors.add(new FieldError(at(index) + ".resource.contained", "Contained resources are not accepted: "
                    + "send each resource as its own entry of the bundle"));
        }
    }

    /** The message's own id (Bundle.id, else Bundle.identifier), or the hash of its content when it has none. */
    static String messageId(Bundle bundle, String json) {
        if (bundle.getIdElement().getIdPart() != null) {
            return "Bundle/" + bundle.getIdElement().getIdPart();
        }
        if (bundle.hasIdentifier() && bundle.getIdentifier().hasValue()) {
            return bundle.getIdentifier().getSystem() + "|" + bundle.getIdentifier().getValue();
        }
        return "sha256:" + Sha256.hex(json);
    }

    /** The reference to the patient an item is about, or null for types KMCR does not accept. */
    static Reference subjectOf(Resource resource) {
        if (resource instanceof AllergyIntolerance allergy) {
            return allergy.getPatient();
        }
        if (resource instanceof MedicationStatement medication) {
            return medication.getSubject();
        }
        if (resource instanceof Condition condition) {
            return condition.getSubject();
        }
        return null;
    }

    private static String subjectField(Resource resource) {
        return resource instanceof AllergyIntolerance ? "patient" : "subject";
    }

    private static Set<String> referencesTo(BundleEntryComponent entry) {
        Set<String> refs = new java.util.HashSet<>();
        if (entry.hasFullUrl()) {
            refs.add(entry.getFullUrl());
        }
        if (entry.getResource().getIdElement().getIdPart() != null) {
            refs.add("Patient/" + entry.getResource().getIdElement().getIdPart());
        }
        return refs;
    }

    /** ODS codes of the patient's registered GP practices, by identifier or by reference to a bundle Organization. */
    static List<String> gpPractices(Patient patient, Bundle bundle) {
        List<String> codes = new ArrayList<>();
        for (Reference gp : patient.getGeneralPractitioner()) {
            if (gp.hasIdentifier() && ODS_SYSTEM.equals(gp.getIdentifier().getSystem())) {
                codes.add(gp.getIdentifier().getValue());
            } else if (gp.hasReference()) {
                organisationCode(bundle, gp.getReference()).ifPresent(codes::add);
            }
        }
        return codes;
    }

    private static Optional<String> organisationCode(Bundle bundle, String reference) {
        return bundle.getEntry().stream()
                .filter(e -> e.getResource() instanceof Organization)
                .filter(e -> reference.equals(e.getFullUrl())
                        || reference.equals("Organization/" + e.getResource().getIdElement().getIdPart()))
                .flatMap(e -> ((Organization) e.getResource()).getIdentifier().stream())
                .filter(id -> ODS_SYSTEM.equals(id.getSystem()))
                .map(Identifier::getValue)
                .findFirst();
    }

    private static String at(int index) {
        return "Bundle.entry[" + index + "]";
    }

    private static ProblemException rejected(List<FieldError> errors) {
        return new ProblemException(422, "Unprocessable content",
                "The bundle was not stored: " + errors.size() + " problem(s) found", errors);
    }
}
