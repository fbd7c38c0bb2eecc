package org.kmcr.record.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kmcr.common.consent.CareCategory;
import org.kmcr.common.consent.ItemRule;
import org.kmcr.common.record.ItemConflict;
import org.kmcr.common.record.Provenance;
import org.kmcr.common.record.RecordItem;
import org.kmcr.common.record.RecordSummary;
import org.kmcr.common.record.SourceFreshness;
import org.kmcr.common.testing.KmcrTestEnvironment;
import org.kmcr.common.testing.TestTokens;
import org.kmcr.record.StoredItemBuilder;

/** The summary as one view across sources: de-duplicated, conflicts shown, every source's freshness. */
@QuarkusTest
@QuarkusTestResource(KmcrTestEnvironment.class)
class SummaryViewTest extends MockedNeighbours {

    static final String CLINICIAN = TestTokens.user("dr.reed", "clinician", "RKM");
    static final String SNOMED = "http://snomed.info/sct";
    static final String DMD = "https://dmd.nhs.uk";

    UUID gp;
    UUID hospital;
    String nhsNumber;

    @BeforeEach
    void aPersonKnownToTheGpAndTheHospital() {
        gp = UUID.randomUUID();
        hospital = UUID.randomUUID();
        nhsNumber = person(gp, hospital);
        permits(EVERY_CATEGORY, List.of());
    }

    RecordSummary summary() {
        return given().auth().oauth2(CLINICIAN).get("/api/records/" + nhsNumber + "/summary").then().statusCode(200)
                .extract().as(RecordSummary.class);
    }

    @Test
    void theSameMedicationFromTheGpAndTheHospitalIsOneItemWithBothSources() {
        StoredItemBuilder.item(gp, "medications", "MedicationStatement").from("K81001")
                .coded(DMD, "318845001", "Ramipril 5mg capsules").received(Instant.now().minusSeconds(3600)).store();
        UUID newest = StoredItemBuilder.item(hospital, "medications", "MedicationRequest").from("RKM")
                .coded(DMD + "/", "318845001", "Ramipril 5 mg capsule").store();
        // no code: matched by the normalised display
        StoredItemBuilder.item(gp, "allergies", "AllergyIntolerance").from("K81001").coded(null, null, "Latex allergy")
                .store();
        StoredItemBuilder.item(hospital, "allergies", "AllergyIntolerance").from("RKM")
                .coded(null, null, "  LATEX   allergy. ").store();
        // a different drug stays apart
        StoredItemBuilder.item(gp, "medications", "MedicationStatement").from("K81001")
                .coded(DMD, "322236009", "Paracetamol 500mg tablets").store();

        RecordSummary summary = summary();
        List<RecordItem> medications = summary.categories().get("medications");
        assertEquals(2, medications.size(), medications.toString());
        RecordItem ramipril = medications.stream().filter(m -> "318845001".equals(m.code())).findFirst().orElseThrow();
        assertEquals(newest, ramipril.id());
        assertEquals(List.of("RKM", "K81001"), ramipril.sources().stream().map(Provenance::sourceOrg).toList());
        assertEquals(1, summary.categories().get("allergies").size());
        assertEquals(2, summary.categories().get("allergies").get(0).sources().size());
        assertTrue(summary.conflicts().isEmpty(), summary.conflicts().toString());
        assertEquals(2, summary.extents().get("medications").shown());
    }

    @Test
    void anAllergyToADrugAnotherSourceListsAsCurrentIsAConflict() {
        UUID allergy = StoredItemBuilder.item(gp, "allergies", "AllergyIntolerance").from("K81001")
                .coded(SNOMED, "91936005", "Allergy to penicillin").store();
        UUID amoxicillin = StoredItemBuilder.item(hospital, "medications", "MedicationRequest").from("RKM")
                .coded(DMD, "323509004", "Amoxicillin 500mg capsules").store();
        StoredItemBuilder.item(hospital, "medications", "MedicationRequest").from("RKM")
                .coded(DMD, "322236009", "Paracetamol 500mg tablets").store();
        // an ended medication is no conflict
        StoredItemBuilder.item(hospital, "medications", "MedicationRequest").from("RKM").status("stopped")
                .coded(DMD, "324357002", "Flucloxacillin 500mg capsules").store();

        List<ItemConflict> conflicts = summary().conflicts();
        assertEquals(1, conflicts.size(), conflicts.toString());
        assertEquals("allergy-vs-medication", conflicts.get(0).kind());
        assertEquals(List.of(allergy, amoxicillin), conflicts.get(0).items());
        assertTrue(conflicts.get(0).explanation().contains("Amoxicillin 500mg capsules"));
    }

    @Test
    void sourcesDisagreeingOnStatusOrResuscitationAreShownNotResolved() {
        UUID current = StoredItemBuilder.item(gp, "medications", "MedicationStatement").from("K81001")
                .coded(DMD, "318845001", "Ramipril 5mg capsules").store();
        UUID stopped = StoredItemBuilder.item(hospital, "medications", "MedicationStatement").from("RKM")
                .status("stopped").coded(DMD, "318845001", "Ramipril 5mg capsules").store();
        UUID dnacpr = StoredItemBuilder.item(gp, "advance-directives", "Consent").from("K81001").coded(null, null, null)
                .status(null).resource("""
                        {"resourceType":"Consent","status":"active","category":[{"coding":[{"system":\
                        "http://snomed.info/sct","code":"304253006","display":"Not for resuscitation"}]}]}""").store();
        UUID forCpr = StoredItemBuilder.item(hospital, "advance-directives", "Consent").from("RKM")
                .coded(null, null, null).status(null).resource("""
                        {"resourceType":"Consent","status":"active","category":[{"text":"For resuscitation"}]}""")
                .store();

        RecordSummary summary = summary();
        assertEquals(2, summary.categories().get("medications").size());
        Map<String, ItemConflict> byKind = summary.conflicts().stream()
                .collect(Collectors.toMap(ItemConflict::kind, c -> c));
        assertEquals(java.util.Set.of(current, stopped), java.util.Set.copyOf(byKind.get("status-disagreement").items()));
        assertEquals(List.of(dnacpr, forCpr), byKind.get("resuscitation-disagreement").items());
        // the directive's name comes from its resource when ingest indexed none
        assertTrue(summary.categories().get("advance-directives").stream()
                .anyMatch(d -> "Not for resuscitation".equals(d.display())));
    }

    @Test
    void everySourceSaysWhenItsFeedWasLastHeardFromAndAQuietOneIsStale() {
        StoredItemBuilder.item(gp, "conditions", "Condition").from("K81001")
                .coded(SNOMED, "38341003", "Hypertensive disorder").received(Instant.now().minus(Duration.ofDays(5)))
                .store();
        StoredItemBuilder.item(hospital, "conditions", "Condition").from("RKM")
                .coded(SNOMED, "44054006", "Diabetes mellitus type 2").received(Instant.now().minus(Duration.ofDays(6)))
                .store();
        // the hospital's feed sent something an hour ago (for someone else): it is not stale
        KmcrTestEnvironment.database().execute("INSERT INTO ingest.accepted_message (id, source_org, source_system, "
                + "feed, received_at) VALUES (gen_random_uuid(), 'RKM', 'partner-rkm', 'fhir', now() - interval '1 hour')");

        Map<String, SourceFreshness> bySource = summary().sources().stream()
                .collect(Collectors.toMap(SourceFreshness::sourceOrg, s -> s));
        assertTrue(bySource.get("K81001").stale(), bySource.toString());
        assertFalse(bySource.get("RKM").stale(), bySource.toString());
        assertTrue(bySource.get("RKM").lastContact().isAfter(Instant.now().minus(Duration.ofHours(2))));
    }

    @Test
    void eachCategoryShowsTheMostRecentWithACountAndSaysWhenThereIsMore() {
        for (int day = 1; day <= 55; day++) {
            StoredItemBuilder.item(gp, "results", "Observation").from("K81001")
                    .coded(SNOMED, "1000" + day, "Result " + day).at("2024-01-%02dT00:00:00Z".formatted(day % 28 + 1))
                    .store();
        }
        StoredItemBuilder.item(gp, "results", "Observation").from("K81001").coded(SNOMED, "9", "Undated").at(null)
                .store();
        RecordSummary summary = summary();
        assertEquals(50, summary.categories().get("results").size());
        assertTrue(summary.extents().get("results").more());
        assertEquals(50, summary.extents().get("results").shown());
        assertFalse(summary.extents().get("conditions").more());
        List<Instant> times = summary.categories().get("results").stream().map(RecordItem::effectiveAt).toList();
        assertEquals(times.stream().sorted(java.util.Comparator.reverseOrder()).toList(), times);
    }

    @Test
    void itemsHiddenFromTheCallerNeitherCountNorSayThereIsMore() {
        for (int i = 0; i < 60; i++) {
            StoredItemBuilder.item(gp, "conditions", "Condition").from("K81001")
                    .coded(SNOMED, "44054006", "Secret " + i).at("2024-02-01T00:00:00Z").store();
        }
        UUID older = StoredItemBuilder.item(gp, "conditions", "Condition").from("K81001")
                .coded(SNOMED, "38341003", "Hypertensive disorder").at("2020-01-01T00:00:00Z").store();
        permits(EVERY_CATEGORY, List.of(new ItemRule("test-hide", ItemRule.Treatment.HIDE, null, null,
                java.util.Set.of(SNOMED + "|44054006"), null, null, null, null)));
        RecordSummary summary = summary();
        assertEquals(List.of(older), summary.categories().get("conditions").stream().map(RecordItem::id).toList());
        assertFalse(summary.extents().get("conditions").more());
    }

    @Test
    void everyCategoryIsKeyed() {
        assertEquals(java.util.Arrays.stream(CareCategory.values()).map(CareCategory::code).toList(),
                List.copyOf(summary().categories().keySet()));
    }
}
