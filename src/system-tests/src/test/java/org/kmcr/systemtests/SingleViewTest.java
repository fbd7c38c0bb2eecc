package org.kmcr.systemtests;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kmcr.systemtests.SystemUnderTest.KEYCLOAK;
import static org.kmcr.systemtests.SystemUnderTest.as;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kmcr.common.consent.CareCategory;
import org.kmcr.common.testing.TestNhsNumbers;
import org.kmcr.systemtests.demo.DemoHl7;
import org.kmcr.systemtests.stack.DemoRegion;
import org.kmcr.systemtests.stack.ServiceSpec;

/**
 * Guide steps 12-13: one person's record from the GP (every category but the current location, as FHIR), the trust
 * (an HL7 v2 admission over MLLP, with the current location) and the trust's FHIR feed (the same ramipril, an
 * amoxicillin, a conflicting resuscitation decision), read back as one view: every category, de-duplicated,
 * conflicts shown, every source's freshness, and the timeline in pages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SingleViewTest {

    String nhsNumber;
    JsonPath summary;

    /** The trust's admission is the same person as the GP's (same demographics) and a message of its own (MSH-10). */
    @BeforeAll
    void aRecordFromThreeFeeds() throws IOException {
        nhsNumber = TestNhsNumbers.next();
        String gpPatient = SystemUnderTest.newPatientId();
        SystemUnderTest.ingest(DemoRegion.GP_SYSTEM, bundle("/every-category-bundle.json", gpPatient));
        String ack = Hl7FeedTest.send(DemoHl7.admission().replace(DemoHl7.NHS_NUMBER, nhsNumber)
                .replace(DemoHl7.LOCAL_ID, "RKM-" + nhsNumber).replace(DemoHl7.VISIT, "V-" + nhsNumber)
                .replace("DEMO-A01-1", "SV-" + nhsNumber)
                .replace("Taylor^Sam^^^Mr||19800101|M|||1 Demo Road^^Kingsmere^^KM1 1AA",
                        "Jones^Mary^Ann^^Mrs||19500314|F|||1 Mill Lane^^Kingsmere^^KM1 2AB"));
        assertTrue(ack.contains("MSA|AA|"), ack);
        SystemUnderTest.ingest(DemoRegion.TRUST_PAS, bundle("/hospital-overlap-bundle.json",
                SystemUnderTest.newPatientId()));
        summary = as(ServiceSpec.RECORD, KEYCLOAK.login(DemoRegion.GP_CLINICIAN))
                .get("/api/records/" + nhsNumber + "/summary").then().statusCode(200).extract().jsonPath();
    }

    String bundle(String resource, String patientId) {
        try (InputStream in = SingleViewTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${nhsNumber}", nhsNumber)
                    .replace("${patientId}", patientId).replace("${gpPractice}", DemoRegion.GP_PRACTICE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Map<String, Object>> category(String code) {
        return summary.getList("categories.'" + code + "'");
    }

    @Test
    void everyCategoryIngestedIsReadBackInTheSummary() {
        for (CareCategory category : CareCategory.values()) {
            assertFalse(category(category.code()).isEmpty(), category.code() + " is empty: " + summary.prettify());
        }
        assertEquals("Mary Ann Jones", summary.getString("person.name"));
        assertTrue(String.valueOf(category("location").get(0).get("display")).contains("Ward 7"), summary.prettify());
        assertTrue(category("safeguarding").stream().anyMatch(i -> "Child protection concern".equals(i.get("display"))));
        assertTrue(category("infection-status").stream().anyMatch(i -> "COVID-19".equals(i.get("display"))));
        assertTrue(category("mental-health").stream().anyMatch(i -> "Community mental health".equals(i.get("display"))));
        assertTrue(category("referrals").stream().anyMatch(i -> "Referral to cardiology".equals(i.get("display"))));
        assertTrue(category("contacts").stream().anyMatch(i -> "Daughter and main carer".equals(i.get("display"))));
    }

    @Test
    void theSameMedicationAndAllergyFromGpAndTrustAreOneItemEachWithBothSources() {
        List<Map<String, Object>> ramipril = category("medications").stream()
                .filter(m -> "318845001".equals(m.get("code"))).toList();
        assertEquals(1, ramipril.size(), category("medications").toString());
        assertEquals(List.of(DemoRegion.TRUST, DemoRegion.GP_PRACTICE), JsonPath.from(summary.prettify())
                .getList("categories.medications.find { it.code == '318845001' }.sources.sourceOrg"));
        List<Map<String, Object>> penicillin = category("allergies").stream()
                .filter(a -> "91936005".equals(a.get("code"))).toList();
        assertEquals(1, penicillin.size(), category("allergies").toString());
    }

    @Test
    void conflictsBetweenSourcesAreHighlighted() {
        List<String> kinds = summary.getList("conflicts.kind");
        assertTrue(kinds.contains("allergy-vs-medication"), summary.prettify());
        assertTrue(kinds.contains("resuscitation-disagreement"), summary.prettify());
        String explanation = summary.getString("conflicts.find { it.kind == 'allergy-vs-medication' }.explanation");
        assertTrue(explanation.contains("Amoxicillin 500mg capsules"), explanation);
    }

    @Test
    void everySourceSaysWhenItsFeedLastSentSomething() {
        assertEquals(Boolean.FALSE, summary.get("sources.find { it.sourceSystem == '" + DemoRegion.GP_SYSTEM
                + "' }.stale"));
        assertEquals(Boolean.FALSE, summary.get("sources.find { it.sourceSystem == '" + DemoRegion.TRUST_PAS
                + "' }.stale"));
        assertTrue(summary.getList("sources.sourceOrg").containsAll(List.of(DemoRegion.GP_PRACTICE, DemoRegion.TRUST)));
    }

    @Test
    void theTimelinePagesContactsRecentFirstAndFilters() {
        String gp = KEYCLOAK.login(DemoRegion.GP_CLINICIAN);
        JsonPath first = as(ServiceSpec.RECORD, gp).queryParam("limit", 2)
                .get("/api/records/" + nhsNumber + "/timeline").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("admission", "outpatient"), first.getList("entries.type"));
        assertEquals(DemoRegion.TRUST, first.getString("entries[0].organisation"));
        JsonPath second = as(ServiceSpec.RECORD, gp).queryParam("limit", 2)
                .queryParam("cursor", first.getString("nextCursor"))
                .get("/api/records/" + nhsNumber + "/timeline").then().statusCode(200).extract().jsonPath();
        // ingest indexes no time for episodes of care: they come last, in id order
        assertEquals(java.util.Set.of("social-care", "mental-health"), java.util.Set.copyOf(second.getList("entries.type")));
        assertNull(second.getString("nextCursor"));
        as(ServiceSpec.RECORD, gp).queryParam("type", "admission").get("/api/records/" + nhsNumber + "/timeline")
                .then().statusCode(200).body("entries.type", equalTo(List.of("admission")));
        as(ServiceSpec.RECORD, gp).queryParam("organisation", DemoRegion.GP_PRACTICE)
                .get("/api/records/" + nhsNumber + "/timeline").then().statusCode(200)
                .body("entries.type", not(hasItem("admission")));
        as(ServiceSpec.AUDIT, KEYCLOAK.login(DemoRegion.PRIVACY_OFFICER)).queryParam("nhsNumber", nhsNumber)
                .get("/api/audit-events").then().statusCode(200)
                .body("action", hasItems("record.timeline.read", "record.summary.read"));
    }
}
