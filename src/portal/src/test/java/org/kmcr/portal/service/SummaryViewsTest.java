package org.kmcr.portal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kmcr.common.record.AccessGrant;
import org.kmcr.common.record.ItemConflict;
import org.kmcr.common.record.PersonHeader;
import org.kmcr.common.record.Provenance;
import org.kmcr.common.record.RecordItem;
import org.kmcr.common.record.RecordSummary;
import org.kmcr.common.record.SourceFreshness;
import org.kmcr.portal.model.SummaryView;

class SummaryViewsTest {

    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    static final Map<String, String> NAMES = Map.of("K81001", "Kingsmere Medical Centre");

    static RecordItem item(String category, String display, String sourceOrg, Instant recorded) {
        return new RecordItem(UUID.randomUUID(), category, "X", "http://snomed.info/sct", "1", display, "active",
                recorded, "N", 1, List.of(new Provenance(sourceOrg, "sys", "id", "1", recorded, recorded)));
    }

    static RecordSummary summary(Map<String, List<RecordItem>> categories, List<String> withheld,
            List<ItemConflict> conflicts, List<SourceFreshness> sources) {
        return new RecordSummary(new PersonHeader(UUID.randomUUID(), "9434765919", "Ann Smith", "1950-03-14",
                "female", "KM1 2AB", List.of("K81001"), "K81001"), new AccessGrant("gp-registration",
                "K81001 has an active gp-registration", false, List.of(), List.of(), false, UUID.randomUUID()),
                withheld, categories, conflicts, sources);
    }

    @Test
    void alertsAndAdvanceDirectivesComeFirstWhateverOrderRecordAnswersIn() {
        Map<String, List<RecordItem>> categories = new LinkedHashMap<>();
        categories.put("medications", List.of(item("medications", "Ramipril", "K81001", NOW)));
        categories.put("advance-directives", List.of(item("advance-directives", "DNACPR", "RKM", NOW)));
        categories.put("alerts", List.of(item("alerts", "Violent patient", "RKM", NOW)));
        SummaryView view = SummaryViews.of(summary(categories, List.of(), List.of(), List.of()), NAMES, false, NOW);
        assertEquals(List.of("alerts", "advance-directives", "medications"),
                view.cards().stream().map(SummaryView.Card::code).toList());
    }

    @Test
    void eachItemNamesItsSourcesAndHowOldTheyAre() {
        RecordItem ramipril = item("medications", "Ramipril", "K81001", NOW.minus(Duration.ofDays(3)));
        SummaryView view = SummaryViews.of(summary(Map.of("medications", List.of(ramipril)), List.of(), List.of(),
                List.of()), NAMES, false, NOW);
        assertEquals(List.of("Kingsmere Medical Centre (K81001), recorded 3 days ago"),
                view.cards().get(0).items().get(0).sources());
        assertEquals("943 476 5919", view.person().nhsNumber());
        assertEquals("14 March 1950", view.person().birthDate());
    }

    @Test
    void aWithheldCategoryHasItsCardEvenWithNothingShown() {
        SummaryView view = SummaryViews.of(summary(Map.of("conditions", List.of()), List.of("conditions"), List.of(),
                List.of()), NAMES, false, NOW);
        assertTrue(view.cards().get(0).withheld());
        assertTrue(view.cards().get(0).empty());
    }

    @Test
    void itemsInConflictAreMarkedAndTheConflictNamesThem() {
        RecordItem allergy = item("allergies", "Allergy to penicillin", "K81001", NOW);
        RecordItem drug = item("medications", "Amoxicillin", "RKM", NOW);
        SummaryView view = SummaryViews.of(summary(Map.of("allergies", List.of(allergy), "medications", List.of(drug)),
                List.of(), List.of(new ItemConflict("allergy-vs-medication", "Allergic to a current medication",
                        List.of(allergy.id(), drug.id()))), List.of()), NAMES, false, NOW);
        assertEquals("Allergy to penicillin, Amoxicillin", view.conflicts().get(0).items());
        assertTrue(view.cards().stream().allMatch(card -> card.items().get(0).inConflict()));
    }

    @Test
    void onlyAStaleFeedGetsABanner() {
        SummaryView view = SummaryViews.of(summary(Map.of(), List.of(), List.of(), List.of(
                new SourceFreshness("RKM", "pas", NOW.minus(Duration.ofDays(3)), true),
                new SourceFreshness("K81001", "gp", NOW, false))), NAMES, false, NOW);
        assertEquals(1, view.staleSources().size());
        assertTrue(view.staleSources().get(0).startsWith("RKM: nothing received since 28 November 2026"),
                view.staleSources().get(0));
    }

    @Test
    void theCitizenReadsPlainEnglishTitles() {
        SummaryView view = SummaryViews.of(summary(Map.of("medications", List.of(item("medications", "Ramipril",
                "K81001", NOW))), List.of(), List.of(), List.of()), NAMES, true, NOW);
        assertEquals("Medicines you take", view.cards().get(0).title());
        assertFalse(view.access().brokeGlass());
    }

    @ParameterizedTest
    @CsvSource({"0, today", "1, 1 day ago", "60, 60 days ago", "90, 3 months ago", "800, 2 years ago"})
    void agesInWords(int days, String words) {
        assertEquals(words, SummaryViews.age(NOW.minus(Duration.ofDays(days)), NOW));
    }

    @Test
    void aCitizensItemLinksToACorrectionRequestPrefilledWithItsSourceAndName() {
        SummaryView.Row row = SummaryViews.row(item("allergies", "Allergy to penicillin & dust", "K81001", NOW),
                Set.of(), NAMES, NOW);
        assertEquals("/my-record/requests?organisation=K81001&item=Allergy+to+penicillin+%26+dust#correction-heading",
                row.correctionLink());
    }
}
