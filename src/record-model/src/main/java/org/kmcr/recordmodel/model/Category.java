package org.kmcr.recordmodel.model;

import java.util.Map;
import java.util.Optional;

/** The record categories: the unit of the role x category sharing policy. */
public enum Category {
    DEMOGRAPHICS("demographics", "Patient"),
    ALLERGIES("allergies", "AllergyIntolerance"),
    MEDICATIONS("medications", "MedicationStatement"),
    CONDITIONS("conditions", "Condition");

    private static final Map<String, Category> BY_RESOURCE_TYPE = Map.of(
            "Patient", DEMOGRAPHICS, "AllergyIntolerance", ALLERGIES,
            "MedicationStatement", MEDICATIONS, "Condition", CONDITIONS);

    private final String code;
    private final String resourceType;

    Category(String code, String resourceType) {
        this.code = code;
        this.resourceType = resourceType;
    }

    /** The name used in the API, the policy tables and the audit log. */
    public String code() {
        return code;
    }

    public String resourceType() {
        return resourceType;
    }

    /** The category of a FHIR resource type, if KMCR stores that type. */
    public static Optional<Category> ofResourceType(String resourceType) {
        return Optional.ofNullable(BY_RESOURCE_TYPE.get(resourceType));
    }
}
