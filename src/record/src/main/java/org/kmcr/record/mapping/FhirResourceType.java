package org.kmcr.record.mapping;

import java.util.Arrays;
import java.util.Optional;

/**
 * The FHIR resource types record-query serves, each with its UK Core profile and the shape of its {@code category}
 * element, which decides how the {@code category} search parameter is matched (or that the type has none). The
 * CapabilityStatement is generated from this table, so it states exactly what is served.
 */
public enum FhirResourceType {
    PATIENT("Patient", CategoryShape.NONE),
    ALLERGY_INTOLERANCE("AllergyIntolerance", CategoryShape.CODE_ARRAY),
    MEDICATION_STATEMENT("MedicationStatement", CategoryShape.CODEABLE_CONCEPT),
    MEDICATION_REQUEST("MedicationRequest", CategoryShape.CODEABLE_CONCEPT_ARRAY),
    CONDITION("Condition", CategoryShape.CODEABLE_CONCEPT_ARRAY),
    OBSERVATION("Observation", CategoryShape.CODEABLE_CONCEPT_ARRAY),
    DIAGNOSTIC_REPORT("DiagnosticReport", CategoryShape.CODEABLE_CONCEPT_ARRAY),
    ENCOUNTER("Encounter", CategoryShape.NONE),
    FLAG("Flag", CategoryShape.CODEABLE_CONCEPT_ARRAY),
    CARE_PLAN("CarePlan", CategoryShape.CODEABLE_CONCEPT_ARRAY),
    CONSENT("Consent", CategoryShape.CODEABLE_CONCEPT_ARRAY),
    RELATED_PERSON("RelatedPerson", CategoryShape.NONE),
    SERVICE_REQUEST("ServiceRequest", CategoryShape.CODEABLE_CONCEPT_ARRAY),
    DOCUMENT_REFERENCE("DocumentReference", CategoryShape.CODEABLE_CONCEPT_ARRAY),
    EPISODE_OF_CARE("EpisodeOfCare", CategoryShape.NONE),
    LOCATION("Location", CategoryShape.NONE),
    IMMUNIZATION("Immunization", CategoryShape.NONE);

    /** The UK Core profiles' canonical base. */
    public static final String PROFILE_BASE = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-";

    /** How a resource type holds its {@code category}. */
    public enum CategoryShape {
        /** No category element: the parameter is not supported. */
        NONE,
        /** {@code "category": ["food"]} (AllergyIntolerance). */
        CODE_ARRAY,
        /** {@code "category": {"coding": [...]}} (MedicationStatement). */
        CODEABLE_CONCEPT,
        /** {@code "category": [{"coding": [...]}]} (most types). */
        CODEABLE_CONCEPT_ARRAY
    }

    private final String fhirName;
    private final CategoryShape categoryShape;

    FhirResourceType(String fhirName, CategoryShape categoryShape) {
        this.fhirName = fhirName;
        this.categoryShape = categoryShape;
    }

    public String fhirName() {
        return fhirName;
    }

    public CategoryShape categoryShape() {
        return categoryShape;
    }

    public String profile() {
        return PROFILE_BASE + fhirName;
    }

    public static Optional<FhirResourceType> ofName(String name) {
        return Arrays.stream(values()).filter(t -> t.fhirName.equals(name)).findFirst();
    }
}
