package org.kmcr.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kmcr.systemtests.demo.AnalyticsDemoData;
import org.kmcr.systemtests.demo.DemoPerson;
import org.kmcr.systemtests.stack.DemoRegion;
import org.kmcr.systemtests.stack.ServiceSpec;

/**
 * Issue 13 end to end: the analytics demo population goes in through the real ingest API, the analyst signs in
 * through Keycloak's own form, and the dashboard (trend, map, bars, hot spots) is drawn from record's published
 * tables, with a screenshot and axe-core's check; the API refuses other roles, and the CSV has the same figures.
 */
class AnalyticsDashboardTest {

    static List<DemoPerson> people;

    @BeforeAll
    static void population() {
        SystemUnderTest.STACK.getClass();
        people = AnalyticsDemoData.generate(AnalyticsDemoData.PEOPLE, 13L, LocalDate.now(ZoneOffset.UTC));
        assertEquals(people.size(), AnalyticsDemoData.load(SystemUnderTest.KEYCLOAK, SystemUnderTest.CLIENT, people));
    }

    @Test
    void theAnalystSeesTheDashboardAndDownloadsTheSameFiguresAsCsv() {
        try (Browser analyst = Browser.start()) {
            analyst.open("/").signIn(DemoRegion.ANALYST).awaitHeading("Population analytics");
            assertTrue(analyst.url().endsWith("/analytics"), analyst.url());
            assertEquals("People testing positive for COVID-19", analyst.text("#measure-title"));
            assertFalse(analyst.all("#chart-week").isEmpty(), "the trend line");
            assertFalse(analyst.all("#chart-district polygon").isEmpty(), "the district map");
            assertEquals(10, analyst.all("#chart-district polygon").size(), "one shape per district KM1-KM10");
            assertFalse(analyst.all("#chart-age-band rect").isEmpty(), "the age bars");
            assertFalse(analyst.all("#hot-spots tbody tr").isEmpty(), "hot spots ranked");
            String firstHotSpot = analyst.text("#hot-spots tbody tr td");
            assertTrue(List.of("KM3", "KM7").contains(firstHotSpot), "the rising districts lead: " + firstHotSpot);
            analyst.checkPage("analytics-dashboard");

            // every value on the page is * or a multiple of 5
            for (var cell : analyst.all("#chart-district-table td.nhsuk-table__cell--numeric")) {
                String value = cell.getAttribute("textContent").trim();
                assertTrue(value.equals("*") || Integer.parseInt(value) % 5 == 0, value);
            }

            // another measure, chosen in the form
            analyst.open("/analytics?measure=inpatients").awaitHeading("Population analytics");
            assertEquals("Current inpatients", analyst.text("#measure-title"));
            analyst.checkPage("analytics-inpatients");
        }
    }

    @Test
    void theApiIsForAnalystsAndItsCsvMatchesItsJson() {
        String analyst = SystemUnderTest.KEYCLOAK.login(DemoRegion.ANALYST);
        String clinician = SystemUnderTest.KEYCLOAK.login(DemoRegion.GP_CLINICIAN);
        SystemUnderTest.as(ServiceSpec.RECORD, null).get("/api/analytics/measures/covid-positive").then()
                .statusCode(401);
        SystemUnderTest.as(ServiceSpec.RECORD, clinician).get("/api/analytics/measures/covid-positive").then()
                .statusCode(403);
        Response json = SystemUnderTest.as(ServiceSpec.RECORD, analyst).queryParam("by", "district")
                .get("/api/analytics/measures/covid-tested");
        json.then().statusCode(200);
        List<Map<String, Object>> cells = json.path("cells");
        assertTrue(cells.size() >= 10, "every district: " + cells);
        String csv = SystemUnderTest.as(ServiceSpec.RECORD, analyst).accept("text/csv").queryParam("by", "district")
                .get("/api/analytics/measures/covid-tested").then().statusCode(200).extract().asString();
        for (Map<String, Object> cell : cells) {
            assertTrue(csv.contains("," + cell.get("group") + "," + cell.get("value") + "\r\n"), cell + " in " + csv);
        }
        assertFalse(csv.contains("999"), "no NHS number in an analytics answer");
    }
}
