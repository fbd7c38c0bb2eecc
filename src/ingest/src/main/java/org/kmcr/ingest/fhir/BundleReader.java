package org.kmcr.ingest.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.kmcr.common.hash.Sha256;
import org.kmcr.common.nhs.NhsNumber;
import org.kmcr.ingest.mapping.PatientFacts;
import org.kmcr.common.problem.Problem.FieldError;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.ingest.mapping.CategoryRules;

/**
 * Parses a FHIR R4 JSON bundle strictly and checks what KMCR needs before storing anything: one Patient with
 * a valid NHS number, accepted resource types only, every item with a source key and about that Patient. Takes
 * the shapes real senders use: transaction and batch bundles, {@code POST} entries with {@code urn:uuid:} fullUrls
 * referenced between entries, {@code PUT} entries whose id is in the request URL, {@code DELETE} entries,
 * conditional references to the patient by NHS number. All problems are reported at once, each with its FHIRPath
 * location.
 *
 * <p>The source key of an entry without an id (docs/api.md): its first business identifier ({@code system|value},
 * hashed), else its {@code urn:uuid:} fullUrl. References to an entry's fullUrl, and conditional references to the
 * patient, are rewritten to {@code Type/id}, so the stored item says what it refers to.
 */
@ApplicationScoped
public class BundleReader {

    public static final String ODS_SYSTEM = "https://fhir.nhs.uk/Id/ods-organization-code";
    static final Set<BundleType> ACCEPTED_TYPES = EnumSet.of(BundleType.TRANSACTION, BundleType.BATCH,
            BundleType.COLLECTION);
    /** Resources that only support the items (the practice, a prescriber, a medication): accepted, not stored. */
    static final Set<String> SUPPORTING = Set.of("Organization", "Practitioner", "PractitionerRole", "Medication",
            "Location", "Device", "Provenance", "Specimen");
    static final String ACCEPTED_RESOURCES = "Patient and the types of docs/api.md (Categories), with Organization, "
            + "Practitioner, PractitionerRole, Medication, Location, Device, Provenance, Specimen as support";
    static final String ENTERED_IN_ERROR = "entered-in-error";

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
        List<Integer> patientIndexes = new ArrayList<>();
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            BundleEntryComponent entry = bundle.getEntry().get(i);
            forgetFullUrlAsId(entry);
            if (entry.getResource() == null && !isDelete(entry)) {
                errors.add(new FieldError(at(i), "Every entry must carry a resource (or be a DELETE)"));
            } else if (entry.getResource() instanceof Patient) {
                patientIndexes.add(i);
            }
        }
        if (patientIndexes.size() != 1) {
            errors.add(new FieldError("Bundle.entry", "A bundle must be about exactly one Patient; found "
                    + patientIndexes.size()));
            throw rejected(errors);
        }
        int patientIndex = patientIndexes.get(0);
        BundleEntryComponent patientEntry = bundle.getEntry().get(patientIndex);
        Patient patient = (Patient) patientEntry.getResource();
        idFromRequest(patientEntry);
        String nhsNumber = nhsNumber(patient, patientIndex, errors);
        if (patient.getIdElement().getIdPart() == null) {
            errors.add(new FieldError(at(patientIndex) + ".resource.id",
                    "The Patient needs the source system's own id for the patient"));
        }
        Set<String> patientRefs = referencesTo(patientEntry, nhsNumber);
        Map<String, String> byFullUrl = new HashMap<>();
        List<Resource> entries = new ArrayList<>();
        List<Submission.Removal> removals = new ArrayList<>();
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            BundleEntryComponent entry = bundle.getEntry().get(i);
            if (isDelete(entry)) {
                entries.add(deletion(entry, i, removals, errors));
                continue;
            }
            Resource resource = entry.getResource();
            if (resource == null) {
                continue;
            }
            if (!(resource instanceof Patient)) {
                assignKey(entry, i, errors);
                checkEntry(resource, i, patientRefs, nhsNumber, errors);
                refuseContained(resource, i, errors);
            }
            if (entry.hasFullUrl() && resource.getIdElement().getIdPart() != null) {
                byFullUrl.put(entry.getFullUrl(), resource.fhirType() + "/" + resource.getIdElement().getIdPart());
            }
            if (isEnteredInError(resource) && resource.getIdElement().getIdPart() != null) {
                removals.add(new Submission.Removal(resource.fhirType(), resource.getIdElement().getIdPart(),
                        "entered in error at source"));
            }
            entries.add(resource);
        }
        if (!errors.isEmpty()) {
            throw rejected(errors);
        }
        String patientRef = "Patient/" + patient.getIdElement().getIdPart();
        patientRefs.forEach(ref -> byFullUrl.put(ref, patientRef));
        entries.forEach(resource -> rewriteReferences(resource, byFullUrl));
        return new Submission(patient, nhsNumber, entries, gpPractices(patient, bundle), Set.of(patientRef),
                messageId(bundle, json), removals, List.of(), null, SUPPORTING);
    }

    private Bundle parse(String json) {
        IParser parser = fhir.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
        try {
            return parser.parseResource(Bundle.class, json);
        } catch (DataFormatException | ClassCastException e) {
            throw ProblemException.badRequest("The body is not a valid FHIR R4 JSON Bundle: " + e.getMessage());
        }
    }

    /**
     * The parser gives a resource without an id its entry's fullUrl as id (a urn:uuid): that is not the source's id,
     * so it is dropped here and the key rules below apply.
     */
    private static void forgetFullUrlAsId(BundleEntryComponent entry) {
        Resource resource = entry.getResource();
        if (resource != null && resource.hasIdElement() && resource.getIdElement().getValue() != null
                && resource.getIdElement().getValue().startsWith("urn:")) {
            resource.setIdElement(null);
        }
    }

    private static boolean isDelete(BundleEntryComponent entry) {
        return entry.hasRequest() && entry.getRequest().getMethod() == HTTPVerb.DELETE;
    }

    /** A DELETE entry ({@code Type/id}): the item is removed; a stand-in resource holds its place in the answer. */
    private Resource deletion(BundleEntryComponent entry, int index, List<Submission.Removal> removals,
            List<FieldError> errors) {
        String[] url = entry.getRequest().getUrl().split("/");
        if (url.length != 2 || !CategoryRules.STORED_TYPES.contains(url[0])) {
            errors.add(new FieldError(at(index) + ".request.url", "A DELETE names one item as Type/id of a stored "
                    + "type, e.g. AllergyIntolerance/123"));
            return new org.hl7.fhir.r4.model.Basic();
        }
        removals.add(new Submission.Removal(url[0], url[1], "deleted at source"));
        Resource stand = (Resource) fhir.getResourceDefinition(url[0]).newInstance();
        stand.setId(url[1]);
        return stand;
    }

    /** A PUT's id is the id in its URL ({@code Type/id}) when the resource has none. */
    private static void idFromRequest(BundleEntryComponent entry) {
        Resource resource = entry.getResource();
        if (resource.getIdElement().getIdPart() == null && entry.hasRequest()
                && entry.getRequest().getMethod() == HTTPVerb.PUT && entry.getRequest().getUrl() != null) {
            String[] url = entry.getRequest().getUrl().split("\\?")[0].split("/");
            if (url.length == 2 && url[0].equals(resource.fhirType())) {
                resource.setId(url[1]);
            }
        }
    }

    /**
     * The source key of an item: its id; a PUT's URL id; its first business identifier (system|value, hashed); its
     * urn:uuid fullUrl. An item with none of these cannot be stored idempotently.
     */
    private static void assignKey(BundleEntryComponent entry, int index, List<FieldError> errors) {
        idFromRequest(entry);
        Resource resource = entry.getResource();
        if (resource.getIdElement().getIdPart() != null) {
            return;
        }
        Optional<Identifier> identifier = businessIdentifier(resource);
        if (identifier.isPresent()) {
            resource.setId("id-" + Sha256.hex(identifier.get().getSystem() + "|" + identifier.get().getValue())
                    .substring(0, 40));
        } else if (entry.hasFullUrl() && entry.getFullUrl().startsWith("urn:uuid:")) {
            resource.setId(entry.getFullUrl().substring("urn:uuid:".length()));
        } else {
            errors.add(new FieldError(at(index) + ".resource.id", "Every item needs the source system's own id, a "
                    + "business identifier or a urn:uuid fullUrl, so that a re-sent item replaces and never "
                    + "duplicates"));
        }
    }

    private static Optional<Identifier> businessIdentifier(Resource resource) {
        Property identifiers = resource.getNamedProperty("identifier");
        if (identifiers == null) {
            identifiers = resource.getNamedProperty("masterIdentifier");
        }
        if (identifiers == null) {
            return Optional.empty();
        }
        return identifiers.getValues().stream().filter(Identifier.class::isInstance).map(Identifier.class::cast)
                .filter(id -> id.hasSystem() && id.hasValue()).findFirst();
    }

    private static String nhsNumber(Patient patient, int index, List<FieldError> errors) {
        Optional<String> value = patient.getIdentifier().stream()
                .filter(id -> NhsNumber.SYSTEM.equals(id.getSystem())).map(Identifier::getValue).findFirst();
        String field = at(index) + ".resource.identifier";
        if (value.isEmpty()) {
            PatientFacts.unmatchableWithoutNhsNumber(patient).ifPresent(problem -> errors.add(new FieldError(field,
                    "The Patient has no identifier with system " + NhsNumber.SYSTEM + ". " + problem)));
            return null;
        }
        NhsNumber.problemWith(value.get()).ifPresent(problem -> errors.add(new FieldError(field, problem)));
        return value.get();
    }

    private static void checkEntry(Resource resource, int index, Set<String> patientRefs, String nhsNumber,
            List<FieldError> errors) {
        if (SUPPORTING.contains(resource.fhirType())) {
            return;
        }
        if (!CategoryRules.STORED_TYPES.contains(resource.fhirType())) {
            errors.add(new FieldError(at(index) + ".resource", "Resource type " + resource.fhirType()
                    + " is not accepted; send " + ACCEPTED_RESOURCES));
            return;
        }
        String field = subjectField(resource);
        if (field == null) {
            return;
        }
        Reference subject = subjectOf(resource);
        boolean byReference = subject != null && subject.hasReference() && patientRefs.contains(subject.getReference());
        boolean byNhsNumber = subject != null && !subject.hasReference() && subject.hasIdentifier()
                && NhsNumber.SYSTEM.equals(subject.getIdentifier().getSystem())
                && subject.getIdentifier().getValue() != null && subject.getIdentifier().getValue().equals(nhsNumber);
        if (!byReference && !byNhsNumber) {
            errors.add(new FieldError(at(index) + ".resource." + field,
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

    /** True when the source marks the resource as entered in error (its status or verification status). */
    static boolean isEnteredInError(Resource resource) {
        for (String name : new String[] {"status", "verificationStatus"}) {
            Property property = resource.getNamedProperty(name);
            if (property == null) {
                continue;
            }
            for (Base value : property.getValues()) {
                if (value instanceof PrimitiveType<?> primitive && ENTERED_IN_ERROR.equals(primitive.getValueAsString())
                        || value instanceof CodeableConcept concept && concept.getCoding().stream()
                                .anyMatch(c -> ENTERED_IN_ERROR.equals(c.getCode()))) {
                    return true;
                }
            }
        }
        return false;
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

    /** The reference to the patient an item is about (its subject or patient element), or null. */
    static Reference subjectOf(Resource resource) {
        String field = subjectField(resource);
        Property property = field == null ? null : resource.getNamedProperty(field);
        return property == null || !property.hasValues() || !(property.getValues().get(0) instanceof Reference ref)
                ? null : ref;
    }

    /** The element by which the type refers to its patient; null for types without one (Location). */
    private static String subjectField(Resource resource) {
        return switch (resource.fhirType()) {
            case "AllergyIntolerance", "Consent", "RelatedPerson", "EpisodeOfCare", "Immunization" -> "patient";
            case "Location" -> null;
            default -> "subject";
        };
    }

    private void rewriteReferences(Resource resource, Map<String, String> byFullUrl) {
        for (Reference reference : fhir.newTerser().getAllPopulatedChildElementsOfType(resource, Reference.class)) {
            if (reference.hasReference() && byFullUrl.containsKey(reference.getReference())) {
                reference.setReference(byFullUrl.get(reference.getReference()));
            }
        }
    }

    /** How the bundle's items may refer to its Patient: fullUrl, Patient/id, by NHS number (conditional). */
    private static Set<String> referencesTo(BundleEntryComponent entry, String nhsNumber) {
        Set<String> refs = new HashSet<>();
        if (entry.hasFullUrl()) {
            refs.add(entry.getFullUrl());
        }
        if (entry.getResource().getIdElement().getIdPart() != null) {
            refs.add("Patient/" + entry.getResource().getIdElement().getIdPart());
        }
        if (nhsNumber != null) {
            refs.add("Patient?identifier=" + NhsNumber.SYSTEM + "|" + nhsNumber);
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
