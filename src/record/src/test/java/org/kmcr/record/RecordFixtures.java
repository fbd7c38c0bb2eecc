package org.kmcr.record;

import java.util.Map;
import java.util.UUID;
import org.kmcr.common.testing.KmcrTestEnvironment;

/** Puts items in the record schema as ingest would (KmcrTestEnvironment has run the migration step). */
public final class RecordFixtures {

    private RecordFixtures() {
    }

    /** Stores one item for a source identity, sent by the trust's PAS; returns its id. */
    public static UUID item(UUID sourceIdentityId, String category, String resourceType, String code, String display,
            String effectiveAt, String resourceJson) {
        return itemFrom("RKM", "partner-rkm-pas", null, sourceIdentityId, category, resourceType, code, display,
                effectiveAt, resourceJson);
    }

    /** Stores one item sent by the given organisation with the given standing (null for none); returns its id. */
    public static UUID itemFrom(String sourceOrg, String sourceSystem, String standing, UUID sourceIdentityId,
            String category, String resourceType, String code, String display, String effectiveAt, String resourceJson) {
        UUID id = UUID.randomUUID();
        KmcrTestEnvironment.database().execute(String.format("""
                INSERT INTO record.care_item (id, source_identity_id, category, resource_type, status, code_system,
                    code, display, effective_at, source_org, source_standing, source_system, source_id,
                    source_version, content_hash, recorded_at, received_at, updated_at, version, resource)
                VALUES ('%s', '%s', '%s', '%s', 'active', 'http://snomed.info/sct', '%s', '%s', '%s', '%s', %s,
                    '%s', '%s', '1', 'hash', '%s', now(), now(), 1, '%s'::jsonb)""",
                id, sourceIdentityId, category, resourceType, code, display, effectiveAt, sourceOrg,
                standing == null ? "NULL" : "'" + standing + "'", sourceSystem, "src-" + id, effectiveAt,
                resourceJson));
        return id;
    }

    /** Stores an item with a confidentiality mark (N, R, V or null) from the given organisation; returns its id. */
    public static UUID markedItem(String sourceOrg, UUID sourceIdentityId, String category, String resourceType,
            String code, String confidentiality, String resourceJson) {
        UUID id = itemFrom(sourceOrg, "partner-" + sourceOrg.toLowerCase(), null, sourceIdentityId, category,
                resourceType, code, "Item " + code, "2022-01-01T00:00:00Z", resourceJson);
        if (confidentiality != null) {
            KmcrTestEnvironment.database().execute("UPDATE record.care_item SET confidentiality = '"
                    + confidentiality + "' WHERE id = '" + id + "'");
        }
        return id;
    }

    /** A Patient as the given organisation sends it, naming a registered practice and a postcode (or none). */
    public static UUID patientFrom(String sourceOrg, String standing, UUID sourceIdentityId, String nhsNumber,
            String family, String gpPractice, String postcode) {
        String address = postcode == null ? "" : ",\"address\":[{\"postalCode\":\"" + postcode + "\"}]";
        return itemFrom(sourceOrg, "partner-" + sourceOrg.toLowerCase(), standing, sourceIdentityId, "demographics",
                "Patient", null, null,
                "2020-01-01T00:00:00Z", """
                {"resourceType":"Patient","id":"p-%s","identifier":[{"system":"https://fhir.nhs.uk/Id/nhs-number",\
                "value":"%s"}],"name":[{"family":"%s","given":["Mary"]}]%s,"generalPractitioner":\
                [{"identifier":{"system":"https://fhir.nhs.uk/Id/ods-organization-code","value":"%s"}}]}"""
                .formatted(sourceOrg, nhsNumber, family, address, gpPractice));
    }

    public static UUID patient(UUID sourceIdentityId, String nhsNumber) {
        return item(sourceIdentityId, "demographics", "Patient", null, null, "2020-01-01T00:00:00Z", """
                {"resourceType":"Patient","id":"p1","identifier":[{"system":"https://fhir.nhs.uk/Id/nhs-number",\
                "value":"%s"}],"name":[{"family":"Jones","given":["Mary"]}],"gender":"female",\
                "birthDate":"1950-03-14","address":[{"postalCode":"KM1 2AB"}],"generalPractitioner":\
                [{"identifier":{"system":"https://fhir.nhs.uk/Id/ods-organization-code","value":"K81001"}}]}"""
                .formatted(nhsNumber));
    }

    public static Map<String, UUID> summaryOf(UUID sourceIdentityId, String nhsNumber) {
        return Map.of(
                "demographics", patient(sourceIdentityId, nhsNumber),
                "allergies", item(sourceIdentityId, "allergies", "AllergyIntolerance", "91936005",
                        "Allergy to penicillin", "2019-06-01T00:00:00Z",
                        "{\"resourceType\":\"AllergyIntolerance\",\"id\":\"a1\"}"),
                "medications", item(sourceIdentityId, "medications", "MedicationStatement", "318845001",
                        "Ramipril 5mg capsules", "2021-02-10T00:00:00Z",
                        "{\"resourceType\":\"MedicationStatement\",\"id\":\"m1\"}"),
                "conditions", item(sourceIdentityId, "conditions", "Condition", "38341003",
                        "Hypertensive disorder", "2020-11-05T00:00:00Z",
                        "{\"resourceType\":\"Condition\",\"id\":\"c1\"}"));
    }
}
