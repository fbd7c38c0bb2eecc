package org.kmcr.record;

import java.util.List;
import java.util.UUID;
import org.kmcr.common.testing.KmcrTestEnvironment;

/**
 * UK Core resources of every type record-query serves, stored in the record schema as ingest stores them: the
 * resource and its index columns (category, code, status, clinical date, marks). The same resources are validated
 * against UK Core in {@code FhirValidationTest}.
 */
public final class FhirFixtures {

    public static final String SNOMED = "http://snomed.info/sct";
    public static final String CONFIDENTIALITY = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";

    private FhirFixtures() {
    }

    /** An item to store: what ingest would have put in the columns for it. */
    public record Item(UUID sourceIdentityId, String type, String category, String code, String status,
            String effectiveAt, String sourceOrg, String confidentiality, String resource) {

        public Item withConfidentiality(String mark) {
            return new Item(sourceIdentityId, type, category, code, status, effectiveAt, sourceOrg, mark,
                    resource.replaceFirst("\\{\"resourceType\":\"([A-Za-z]+)\",",
                            "{\"resourceType\":\"$1\",\"meta\":{\"security\":[{\"system\":\"" + CONFIDENTIALITY
                                    + "\",\"code\":\"" + mark + "\"}]},"));
        }

        public Item from(String org) {
            return new Item(sourceIdentityId, type, category, code, status, effectiveAt, org, confidentiality,
                    resource);
        }

        public UUID store() {
            return FhirFixtures.store(this);
        }
    }

    /** A resource of the type, about the person, with this code and clinical date (a FHIR dateTime). */
    public static Item of(UUID sourceIdentityId, String nhsNumber, String type, String code, String date) {
        String subject = "{\"identifier\":{\"system\":\"https://fhir.nhs.uk/Id/nhs-number\",\"value\":\"" + nhsNumber
                + "\"}}";
        String concept = "{\"coding\":[{\"system\":\"" + SNOMED + "\",\"code\":\"" + code + "\",\"display\":\"Item "
                + code + "\"}]}";
        return switch (type) {
            case "Patient" -> new Item(sourceIdentityId, type, "demographics", null, "active", null, "RKM", null, """
                    {"resourceType":"Patient","identifier":[{"system":"https://fhir.nhs.uk/Id/nhs-number",\
                    "value":"%s"}],"name":[{"family":"Jones","given":["Mary"]}],"gender":"female",\
                    "birthDate":"1950-03-14","address":[{"line":["1 High Street"],"postalCode":"KM1 2AB"}],\
                    "telecom":[{"system":"phone","value":"01632 960000"}]}""".formatted(nhsNumber));
            case "AllergyIntolerance" -> new Item(sourceIdentityId, type, "allergies", code, "active", date, "RKM",
                    null, """
                    {"resourceType":"AllergyIntolerance","clinicalStatus":{"coding":[{"system":\
                    "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical","code":"active"}]},\
                    "verificationStatus":{"coding":[{"system":\
                    "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification","code":"confirmed"}]},\
                    "category":["medication"],"code":%s,"patient":%s,"onsetDateTime":"%s"}"""
                    .formatted(concept, subject, date));
            case "MedicationStatement" -> new Item(sourceIdentityId, type, "medications", code, "active", date, "RKM",
                    null, """
                    {"resourceType":"MedicationStatement","status":"active","category":{"coding":[{"system":\
                    "http://terminology.hl7.org/CodeSystem/medication-statement-category","code":"community"}]},\
                    "medicationCodeableConcept":%s,"subject":%s,"effectiveDateTime":"%s"}"""
                    .formatted(concept, subject, date));
            case "MedicationRequest" -> new Item(sourceIdentityId, type, "medications", code, "active", date, "RKM",
                    null, """
                    {"resourceType":"MedicationRequest","status":"active","intent":"order","category":[{"coding":\
                    [{"system":"http://terminology.hl7.org/CodeSystem/medicationrequest-category","code":"community"}]}],\
                    "medicationCodeableConcept":%s,"subject":%s,"authoredOn":"%s","substitution":{"allowedBoolean":true}}"""
                    .formatted(concept, subject, date));
            case "Condition" -> new Item(sourceIdentityId, type, "conditions", code, "active", date, "RKM", null, """
                    {"resourceType":"Condition","clinicalStatus":{"coding":[{"system":\
                    "http://terminology.hl7.org/CodeSystem/condition-clinical","code":"active"}]},"category":\
                    [{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-category",\
                    "code":"problem-list-item"}]}],"code":%s,"subject":%s,"onsetDateTime":"%s"}"""
                    .formatted(concept, subject, date));
            case "Observation" -> new Item(sourceIdentityId, type, "results", code, "final", date, "RKM", null, """
                    {"resourceType":"Observation","status":"final","category":[{"coding":[{"system":\
                    "http://terminology.hl7.org/CodeSystem/observation-category","code":"laboratory"}]}],\
                    "code":%s,"subject":%s,"effectiveDateTime":"%s","valueQuantity":{"value":5.1,"unit":"mmol/L",\
                    "system":"http://unitsofmeasure.org","code":"mmol/L"}}""".formatted(concept, subject, date));
            case "DiagnosticReport" -> new Item(sourceIdentityId, type, "results", code, "final", date, "RKM", null, """
                    {"resourceType":"DiagnosticReport","status":"final","category":[{"coding":[{"system":\
                    "http://terminology.hl7.org/CodeSystem/v2-0074","code":"LAB"}]}],"code":%s,"subject":%s,\
                    "effectiveDateTime":"%s","issued":"%s"}""".formatted(concept, subject, date, date));
            case "Encounter" -> new Item(sourceIdentityId, type, "encounters", code, "finished", date, "RKM", null, """
                    {"resourceType":"Encounter","status":"finished","class":{"system":\
                    "http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"IMP","display":"inpatient encounter"},\
                    "type":[%s],"subject":%s,"period":{"start":"%s"}}""".formatted(concept, subject, date));
            case "Flag" -> new Item(sourceIdentityId, type, "alerts", code, "active", date, "RKM", null, """
                    {"resourceType":"Flag","status":"active","category":[{"coding":[{"system":\
                    "http://terminology.hl7.org/CodeSystem/flag-category","code":"safety"}]}],"code":%s,\
                    "subject":%s,"period":{"start":"%s"}}""".formatted(concept, subject, date));
            case "CarePlan" -> new Item(sourceIdentityId, type, "care-plans", code, "active", date, "RKM", null, """
                    {"resourceType":"CarePlan","status":"active","intent":"plan","category":[%s],\
                    "subject":%s,"period":{"start":"%s"}}""".formatted(concept, subject, date));
            case "Consent" -> new Item(sourceIdentityId, type, "advance-directives", code, "active", date, "RKM", null,
                    """
                    {"resourceType":"Consent","status":"active","scope":{"coding":[{"system":\
                    "http://terminology.hl7.org/CodeSystem/consentscope","code":"adr"}]},"category":[{"coding":\
                    [{"system":"http://loinc.org","code":"59284-0"}]},%s],"patient":%s,"dateTime":"%s",\
                    "policyRule":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode",\
                    "code":"OPTOUT"}]}}""".formatted(concept, subject, date));
            case "RelatedPerson" -> new Item(sourceIdentityId, type, "contacts", null, "active", null, "RKM", null, """
                    {"resourceType":"RelatedPerson","active":true,"patient":%s,"relationship":[{"coding":[{"system":\
                    "http://terminology.hl7.org/CodeSystem/v3-RoleCode","code":"DAU"}]}],"name":[{"family":"Jones",\
                    "given":["Ann"]}],"telecom":[{"system":"phone","value":"01632 960001"}]}""".formatted(subject));
            case "ServiceRequest" -> new Item(sourceIdentityId, type, "referrals", code, "active", date, "RKM", null, """
                    {"resourceType":"ServiceRequest","status":"active","intent":"order","category":[{"coding":\
                    [{"system":"%s","code":"3457005","display":"Patient referral"}]}],"code":%s,"subject":%s,\
                    "authoredOn":"%s"}""".formatted(SNOMED, concept, subject, date));
            case "DocumentReference" -> new Item(sourceIdentityId, type, "documents", code, "current", date, "RKM",
                    null, """
                    {"resourceType":"DocumentReference","status":"current","type":%s,"category":[{"coding":\
                    [{"system":"%s","code":"734163000","display":"Care plan"}]}],"subject":%s,"date":"%s",\
                    "content":[{"attachment":{"contentType":"application/pdf","url":"https://example.org/letter.pdf"}}]}"""
                    .formatted(concept, SNOMED, subject, date));
            case "EpisodeOfCare" -> new Item(sourceIdentityId, type, "mental-health", code, "active", date, "RKM",
                    null, """
                    {"resourceType":"EpisodeOfCare","status":"active","type":[%s],"patient":%s,\
                    "period":{"start":"%s"}}""".formatted(concept, subject, date));
            case "Location" -> new Item(sourceIdentityId, type, "location", null, "active", date, "RKM", null, """
                    {"resourceType":"Location","status":"active","name":"Ward 7, Kent and Medway Hospital"}""");
            case "Immunization" -> new Item(sourceIdentityId, type, "immunisations", code, "completed", date, "RKM",
                    null, """
                    {"resourceType":"Immunization","status":"completed","vaccineCode":%s,"patient":%s,\
                    "occurrenceDateTime":"%s"}""".formatted(concept, subject, date));
            default -> throw new IllegalArgumentException(type);
        };
    }

    /** Every type record-query serves, in the order of its CapabilityStatement. */
    public static final List<String> TYPES = List.of("Patient", "AllergyIntolerance", "MedicationStatement",
            "MedicationRequest", "Condition", "Observation", "DiagnosticReport", "Encounter", "Flag", "CarePlan",
            "Consent", "RelatedPerson", "ServiceRequest", "DocumentReference", "EpisodeOfCare", "Location",
            "Immunization");

    static UUID store(Item item) {
        UUID id = UUID.randomUUID();
        String labels = item.confidentiality() == null ? "'{}'"
                : "ARRAY['" + CONFIDENTIALITY + "|" + item.confidentiality() + "']";
        KmcrTestEnvironment.database().execute(String.format("""
                INSERT INTO record.care_item (id, source_identity_id, category, resource_type, status, code_system,
                    code, display, effective_at, confidentiality, security_labels, source_org, source_system,
                    source_id, source_version, content_hash, recorded_at, received_at, updated_at, version, resource)
                VALUES ('%s', '%s', '%s', '%s', '%s', %s, %s, NULL, %s, %s, %s, '%s', '%s', '%s', '1', 'hash',
                    now(), now(), clock_timestamp(), 1, '%s'::jsonb)""",
                id, item.sourceIdentityId(), item.category(), item.type(), item.status(),
                item.code() == null ? "NULL" : "'" + SNOMED + "'", item.code() == null ? "NULL" : "'" + item.code() + "'",
                item.effectiveAt() == null ? "NULL" : "'" + item.effectiveAt() + "'",
                item.confidentiality() == null ? "NULL" : "'" + item.confidentiality() + "'", labels,
                item.sourceOrg(), "partner-" + item.sourceOrg().toLowerCase(), "src-" + id,
                item.resource().replace("'", "''")));
        return id;
    }
}
