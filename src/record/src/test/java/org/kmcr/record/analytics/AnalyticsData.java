package org.kmcr.record.analytics;

import java.util.UUID;
import org.kmcr.common.testing.TestNhsNumbers;
import org.kmcr.record.StoredItemBuilder;

/** People and their test results in the record schema, stored as ingest stores them (the trigger indexes them). */
final class AnalyticsData {

    static final String SNOMED = "http://snomed.info/sct";
    static final String DETECTED = "1240581000000104";
    static final String NOT_DETECTED = "1240591000000102";

    private AnalyticsData() {
    }

    /** A person's Patient item; answers their source identity. */
    static Person person(String postcode, String gender, String birthDate, String ethnicity) {
        return person(TestNhsNumbers.next(), postcode, gender, birthDate, ethnicity);
    }

    /** A person of the given NHS number. */
    static Person person(String nhsNumber, String postcode, String gender, String birthDate, String ethnicity) {
        UUID identity = UUID.randomUUID();
        String ethnic = ethnicity == null ? "" : ",\"extension\":[{\"url\":\"https://fhir.hl7.org.uk/StructureDefinition/"
                + "Extension-UKCore-EthnicCategory\",\"valueCodeableConcept\":{\"coding\":[{\"code\":\"" + ethnicity
                + "\"}]}}]";
        StoredItemBuilder.item(identity, "demographics", "Patient").coded(null, null, null).resource("""
                {"resourceType":"Patient","identifier":[{"system":"https://fhir.nhs.uk/Id/nhs-number","value":"%s"}],\
                "gender":"%s","birthDate":"%s","address":[{"use":"home","postalCode":"%s"}]%s}"""
                .formatted(nhsNumber, gender, birthDate, postcode, ethnic)).store();
        return new Person(identity, nhsNumber);
    }

    /** A SARS-CoV-2 result of the person on the day (detected or not). */
    static UUID test(Person person, String day, boolean detected) {
        String code = detected ? DETECTED : NOT_DETECTED;
        return StoredItemBuilder.item(person.identity(), "infection-status", "Observation").status("final")
                .coded(SNOMED, code, detected ? "SARS-CoV-2 RNA detected" : "SARS-CoV-2 RNA not detected")
                .at(day + "T09:00:00Z")
                .resource("{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":\""
                        + SNOMED + "\",\"code\":\"" + code + "\"}]}}").store();
    }

    record Person(UUID identity, String nhsNumber) {
    }
}
