package org.kmcr.record.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kmcr.common.record.RecordItem;
import org.kmcr.recordmodel.model.CareItem;

/** The matching rule of de-duplication and the substance rule of allergy conflicts, as named cases. */
class ItemMergerTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static DescribedItem item(String org, String category, String system, String code, String display, String status,
            long receivedSecondsAgo) {
        CareItem item = new CareItem();
        item.id = UUID.randomUUID();
        item.category = category;
        item.resourceType = "MedicationStatement";
        item.sourceOrg = org;
        item.sourceSystem = "partner-" + org;
        item.codeSystem = system;
        item.code = code;
        item.display = display;
        item.status = status;
        item.receivedAt = Instant.now().minusSeconds(receivedSecondsAgo);
        item.resource = "{}";
        return new DescribedItem(item, JSON.createObjectNode(), ItemDescription.of(item, JSON.createObjectNode()));
    }

    static Stream<Arguments> pairs() {
        String s = "http://snomed.info/sct";
        return Stream.of(
                Arguments.of("same system and code", item("A", "medications", s, "1", "x", "active", 1),
                        item("B", "medications", s, "1", "y", "active", 2), 1),
                Arguments.of("system differs by case and trailing slash", item("A", "medications", s, "1", null,
                        null, 1), item("B", "medications", "HTTP://SNOMED.INFO/SCT/", "1", null, "active", 2), 1),
                Arguments.of("same code in another system", item("A", "medications", s, "1", "x", "active", 1),
                        item("B", "medications", "https://dmd.nhs.uk", "1", "x", "active", 2), 2),
                Arguments.of("no code, same normalised display", item("A", "allergies", null, null, "Latex allergy",
                        "active", 1), item("B", "allergies", null, null, " latex  ALLERGY!", "active", 2), 1),
                Arguments.of("no code, accents ignored", item("A", "conditions", null, null, "Café-au-lait spots",
                        "active", 1), item("B", "conditions", null, null, "cafe au lait spots", "active", 2), 1),
                Arguments.of("neither code nor display: never merged", item("A", "conditions", null, null, null,
                        "active", 1), item("B", "conditions", null, null, null, "active", 2), 2),
                Arguments.of("current and ended: both shown", item("A", "medications", s, "1", "x", "active", 1),
                        item("B", "medications", s, "1", "x", "stopped", 2), 2),
                Arguments.of("results are events, never merged", item("A", "results", s, "1", "x", "final", 1),
                        item("B", "results", s, "1", "x", "final", 2), 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void matching(String name, DescribedItem first, DescribedItem second, int expected) {
        ItemMerger.Merged merged = ItemMerger.merge(first.item().category, List.of(first, second));
        assertEquals(expected, merged.items().size());
        if (expected == 1) {
            assertEquals(first.item().id, merged.items().get(0).id(), "the most recently received is shown");
            assertEquals(List.of("A", "B"), merged.items().get(0).sources().stream()
                    .map(org.kmcr.common.record.Provenance::sourceOrg).toList());
        }
    }

    static RecordItem recordItem(String system, String code, String display) {
        return new RecordItem(UUID.randomUUID(), "x", "x", system, code, display, "active", null, null, 1, List.of());
    }

    static Stream<Arguments> substances() {
        return Stream.of(
                Arguments.of("Allergy to penicillin", "Amoxicillin 500mg capsules", true),
                Arguments.of("Penicillin allergy", "Phenoxymethylpenicillin 250mg tablets", true),
                Arguments.of("Allergy to penicillins", "Co-amoxiclav 500mg/125mg tablets", true),
                Arguments.of("Allergy to penicillin", "Paracetamol 500mg tablets", false),
                Arguments.of("Intolerance to ibuprofen", "Ibuprofen 400mg tablets", true),
                Arguments.of("NSAID allergy", "Naproxen 250mg tablets", true),
                Arguments.of("Allergy to latex", "Ramipril 5mg capsules", false),
                Arguments.of("Allergy", "Ramipril 5mg capsules", false));
    }

    @ParameterizedTest(name = "{0} vs {1}")
    @MethodSource("substances")
    void allergyAndMedicationOfOneSubstance(String allergy, String medication, boolean conflict) {
        assertEquals(conflict, ConflictFinder.sameSubstance(recordItem(null, null, allergy),
                recordItem(null, null, medication)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("directives")
    void resuscitationDecisions(String resource, Boolean forCpr) throws Exception {
        assertEquals(forCpr, ConflictFinder.forCpr(JSON.readTree(resource)));
    }

    static Stream<Arguments> directives() {
        return Stream.of(
                Arguments.of("{\"category\":[{\"coding\":[{\"code\":\"304253006\"}]}]}", false),
                Arguments.of("{\"category\":[{\"text\":\"DNACPR\"}]}", false),
                Arguments.of("{\"category\":[{\"text\":\"Not for attempted CPR\"}]}", false),
                Arguments.of("{\"category\":[{\"coding\":[{\"code\":\"304252001\"}]}]}", true),
                Arguments.of("{\"category\":[{\"text\":\"For resuscitation\"}]}", true),
                Arguments.of("{\"category\":[{\"text\":\"Lasting power of attorney\"}]}", null));
    }
}
