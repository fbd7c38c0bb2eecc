package org.kmcr.record.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kmcr.common.consent.CareCategory;
import org.kmcr.common.consent.ItemRule;
import org.kmcr.record.FhirFixtures;
import org.kmcr.common.testing.KmcrTestEnvironment;

/**
 * Every answer of the FHIR API validated with the HAPI validator against UK Core: each resource type as read and
 * as found by search, the searchset Bundles (with their withheld and ignored-parameter OperationOutcomes), the
 * CapabilityStatement and the error OperationOutcomes.
 */
@QuarkusTest
@QuarkusTestResource(KmcrTestEnvironment.class)
class FhirValidationTest extends FhirTestBase {

    static final String PROFILE = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-";

    @Test
    void everyAnswerValidatesAgainstUkCore() {
        Map<String, UUID> ids = new LinkedHashMap<>();
        for (String type : FhirFixtures.TYPES) {
            ids.put(type, at(hospital, type, "1001", "2024-01-10T09:00:00Z").store());
        }
        at(hospital, "Condition", "1002", "2024-01-11T09:00:00Z").withConfidentiality("R").store();
        decides(permit(List.of(CareCategory.values()), List.of(rule("restricted", ItemRule.Treatment.WITHHOLD, "R")),
                List.of()));
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (Map.Entry<String, UUID> item : ids.entrySet()) {
            String type = item.getKey();
            String read = as(CLINICIAN).get(BASE + "/" + type + "/" + item.getValue()).then().statusCode(200)
                    .extract().asString();
            check(errors, "read " + type, read, PROFILE + type);
            String search = type.equals("Patient") ? BASE + "/Patient?identifier=" + NHS + "%7C" + nhsNumber
                    : BASE + "/" + type + "?" + patientParameter() + "&_count=1&unknown=1";
            String bundle = as(CLINICIAN).get(search).then().statusCode(200).extract().asString();
            checkBundle(errors, "search " + type, bundle);
        }
        String everything = as(CLINICIAN).get(BASE + "/Patient/" + nhsNumber + "/$everything?_count=5").then()
                .statusCode(200).extract().asString();
        checkBundle(errors, "$everything", everything);
        check(errors, "metadata", as(CLINICIAN).get(BASE + "/metadata").then().statusCode(200).extract().asString(),
                null);
        for (String failing : List.of(BASE + "/Condition?code=1", BASE + "/Unicorn", BASE + "/Condition/" + UUID.randomUUID())) {
            check(errors, "error " + failing, as(CLINICIAN).get(failing).then().extract().asString(),
                    PROFILE + "OperationOutcome");
        }
        errors.values().removeIf(List::isEmpty);
        assertEquals(Map.of(), errors);
    }

    void checkBundle(Map<String, List<String>> errors, String what, String bundle) {
        check(errors, what + " Bundle", bundle, PROFILE + "Bundle");
        JsonPath json = new JsonPath(bundle);
        List<Map<String, Object>> entries = json.getList("entry");
        assertFalse(entries.isEmpty(), what + " has entries");
        for (int i = 0; i < entries.size(); i++) {
            String type = json.getString("entry[" + i + "].resource.resourceType");
            String resource = new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(
                    entries.get(i).get("resource")).toString();
            check(errors, what + " entry " + i + " " + type, resource, PROFILE + type);
        }
    }

    static void check(Map<String, List<String>> errors, String what, String json, String profile) {
        errors.computeIfAbsent(what, k -> new ArrayList<>()).addAll(UkCoreValidator.get().errors(json, profile));
    }
}
