package org.kmcr.record.fhir;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.verify;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kmcr.common.consent.Action;
import org.kmcr.common.consent.CareCategory;
import org.kmcr.common.consent.ItemRule;
import org.kmcr.common.testing.KmcrTestEnvironment;

/** {@code Patient/$everything}: every type, paged recent first, with _since, start, end and _type applied. */
@QuarkusTest
@QuarkusTestResource(KmcrTestEnvironment.class)
class FhirEverythingTest extends FhirTestBase {

    UUID patient;
    UUID condition2022;
    UUID observation2023;
    UUID allergy2024;
    UUID confidential2024;

    @BeforeEach
    void aRecordOverThreeYears() {
        patient = at(hospital, "Patient", null, null).store();
        condition2022 = at(gp, "Condition", "1001", "2022-06-01T00:00:00Z").store();
        observation2023 = at(hospital, "Observation", "1002", "2023-06-01T00:00:00Z").store();
        allergy2024 = at(gp, "AllergyIntolerance", "1003", "2024-06-01T00:00:00Z").store();
        confidential2024 = at(hospital, "Condition", "1004", "2024-07-01T00:00:00Z").withConfidentiality("R").store();
    }

    @Test
    void everythingIsTheWholePermittedRecordRecentFirstWithTheUndatedAtTheEnd() {
        List<String> all = List.of(confidential2024.toString(), allergy2024.toString(), observation2023.toString(),
                condition2022.toString(), patient.toString());
        assertEquals(all, ids("Patient/" + patient + "/$everything"));
        assertEquals(all, ids("Patient/" + nhsNumber + "/$everything"));
        assertEquals(all, ids("Patient/$everything?identifier=" + NHS + "%7C" + nhsNumber));
        verify(consent, org.mockito.Mockito.atLeastOnce()).decide(argThat(r -> r.action() == Action.EVERYTHING));
        verify(audit, org.mockito.Mockito.atLeastOnce()).record(argThat(e -> e.action().equals("record.everything.query")
                && e.categories().equals(categories(CareCategory.ALLERGIES, CareCategory.CONDITIONS,
                        CareCategory.DEMOGRAPHICS, CareCategory.RESULTS))));
    }

    @Test
    void startAndEndBoundCareDatesAndKeepTheUndatedItems() {
        String everything = "Patient/" + patient + "/$everything";
        assertEquals(List.of(observation2023.toString(), condition2022.toString(), patient.toString()),
                ids(everything + "?end=2023-12-31"));
        assertEquals(List.of(confidential2024.toString(), allergy2024.toString(), observation2023.toString(),
                patient.toString()), ids(everything + "?start=2023"));
        assertEquals(List.of(observation2023.toString(), patient.toString()),
                ids(everything + "?start=2023-01-01&end=2023-06"));
    }

    @Test
    void sinceBoundsWhenKmcrLastChangedTheItems() {
        String everything = "Patient/" + patient + "/$everything";
        KmcrTestEnvironment.database().execute("UPDATE record.care_item SET updated_at = '2020-01-01T00:00:00Z' "
                + "WHERE id IN ('" + condition2022 + "', '" + patient + "')");
        assertEquals(List.of(confidential2024.toString(), allergy2024.toString(), observation2023.toString()),
                ids(everything + "?_since=2021-01-01T00:00:00Z"));
        assertEquals(5, ids(everything + "?_since=2019-12-31").size());
        assertEquals(0, ids(everything + "?_since=2999-01-01T00:00:00Z").size());
    }

    @Test
    void typeNarrowsTheResourceTypes() {
        String everything = "Patient/" + patient + "/$everything";
        assertEquals(List.of(confidential2024.toString(), condition2022.toString()),
                ids(everything + "?_type=Condition"));
        assertEquals(List.of(confidential2024.toString(), allergy2024.toString(), condition2022.toString()),
                ids(everything + "?_type=Condition,AllergyIntolerance"));
        as(CLINICIAN).get(BASE + "/" + everything + "?_type=Unicorn").then().statusCode(400)
                .body("issue[0].expression[0]", equalTo("_type"));
    }

    @Test
    void pagesCarryTheirParametersAndTotalsCountOnlyWhatIsShown() {
        decides(permit(List.of(CareCategory.values()), List.of(rule("restricted", ItemRule.Treatment.HIDE, "R")),
                List.of()));
        JsonPath first = SearchPages.page(BASE + "/Patient/" + patient + "/$everything?_count=2&start=2022");
        assertEquals(4, first.getInt("total"));
        List<String> seen = new ArrayList<>(first.getList("entry.resource.id"));
        JsonPath second = SearchPages.page(SearchPages.link(first, "next"));
        assertEquals(4, second.getInt("total"));
        seen.addAll(second.getList("entry.resource.id"));
        assertNull(SearchPages.link(second, "next"));
        assertEquals(List.of(allergy2024.toString(), observation2023.toString(), condition2022.toString(),
                patient.toString()), seen);
        assertEquals(first.getList("entry.resource.id"),
                SearchPages.page(SearchPages.link(second, "previous")).getList("entry.resource.id"));
        as(CLINICIAN).header("Prefer", "handling=strict")
                .get(BASE + "/Patient/" + patient + "/$everything?date=2022").then().statusCode(400);
    }

    List<String> ids(String path) {
        return SearchPages.page(BASE + "/" + path).getList("entry.findAll { it.search.mode == 'match' }.resource.id");
    }
}
