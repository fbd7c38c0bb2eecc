package org.kmcr.record.analytics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.quarkus.test.InjectMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.smallrye.mutiny.Uni;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.kmcr.common.audit.AuditClient;
import org.kmcr.common.audit.AuditEvent;
import org.kmcr.common.audit.AuditReceipt;
import org.kmcr.common.consent.AccessDecision;
import org.kmcr.common.consent.AccessRequest;
import org.kmcr.common.consent.Action;
import org.kmcr.common.consent.Basis;
import org.kmcr.common.consent.CareCategory;
import org.kmcr.common.consent.ConsentClient;
import org.kmcr.common.consent.Effect;
import org.kmcr.common.consent.Obligation;
import org.kmcr.common.consent.OptOutClient;
import org.kmcr.common.consent.OptOutExclusions;
import org.kmcr.common.consent.ReasonCode;
import org.kmcr.common.testing.KmcrTestEnvironment;
import org.kmcr.common.testing.TestNhsNumbers;
import org.kmcr.common.testing.TestTokens;
import org.kmcr.record.StoredItemBuilder;
import org.kmcr.record.analytics.AnalyticsData.Person;

/**
 * The analytics API over real PostgreSQL: the trigger's incremental aggregation, the opt-out exclusion, the
 * small-number rules, a measure added as data, the audit of every query, and who may call it.
 */
@QuarkusTest
@QuarkusTestResource(KmcrTestEnvironment.class)
class AnalyticsResourceTest {

    static final String ANALYST = TestTokens.user("an", "analyst", "QKM");
    static final String MEASURES = "/api/analytics/measures";

    @InjectMock
    ConsentClient consent;
    @InjectMock
    AuditClient audit;
    @InjectMock
    OptOutClient optOut;

    final List<AuditEvent> audited = new ArrayList<>();
    List<String> optedOut = List.of();

    @BeforeEach
    void neighbours() {
        audited.clear();
        optedOut = new ArrayList<>();
        permits(List.of(CareCategory.INFECTION_STATUS, CareCategory.DEMOGRAPHICS, CareCategory.ENCOUNTERS));
        doAnswer(call -> {
            AuditEvent event = call.getArgument(0);
            audited.add(event);
            return Uni.createFrom().item(new AuditReceipt(event.id(), audited.size(), "h"));
        }).when(audit).record(any());
        doAnswer(call -> Uni.createFrom().item(new OptOutExclusions(LocalDate.of(2026, 11, 30), null, optedOut)))
                .when(optOut).exclusions();
    }

    void permits(List<CareCategory> categories) {
        doReturn(Uni.createFrom().item(new AccessDecision(Effect.PERMIT, Basis.SECONDARY_USE, null, null,
                "aggregates only", categories, List.of(), List.of(), List.of(Obligation.AUDIT_DISCLOSURE), null)))
                .when(consent).decide(any());
    }

    /** A week of its own (in 2019, which no other test uses) so the counts are this test's alone. */
    static String week(int n) {
        return LocalDate.of(2019, 1, 7).plusWeeks(n).toString();
    }

    ValidatableResponse table(String measure, String by, String from, String to) {
        return given().auth().oauth2(ANALYST).queryParam("by", by).queryParam("from", from).queryParam("to", to)
                .get(MEASURES + "/" + measure).then();
    }

    static String cell(List<Map<String, Object>> cells, String group) {
        return cells.stream().filter(c -> group.equals(c.get("group"))).map(c -> (String) c.get("value"))
                .findFirst().orElse(null);
    }

    @Test
    void onlyAnalystsAndOnlyWhenConsentPermits() {
        given().get(MEASURES).then().statusCode(401);
        given().get(MEASURES + "/covid-positive").then().statusCode(401);
        given().auth().oauth2(TestTokens.user("dr", "clinician", "RKM")).get(MEASURES).then().statusCode(403);
        given().auth().oauth2(TestTokens.user("dr", "clinician", "RKM")).get(MEASURES + "/covid-positive").then()
                .statusCode(403);
        given().auth().oauth2(TestTokens.service("kmcr-record")).get(MEASURES + "/covid-positive").then()
                .statusCode(403);
        given().auth().oauth2(ANALYST).get(MEASURES).then().statusCode(200)
                .body("code", hasItem("covid-positive")).body("code", hasItem("care-packages"))
                .body("find { it.code == 'covid-positive' }.available", equalTo(true))
                .body("find { it.code == 'care-packages' }.available", equalTo(false));

        // the decision asked is analytics about no one person
        ArgumentCaptor<AccessRequest> asked = ArgumentCaptor.forClass(AccessRequest.class);
        verify(consent, atLeastOnce()).decide(asked.capture());
        assertEquals(Action.ANALYTICS, asked.getValue().action());
        assertNull(asked.getValue().personId());
        assertNull(asked.getValue().nhsNumber());

        // a category the policy does not permit analysts: refused, and the refusal audited
        audited.clear();
        given().auth().oauth2(ANALYST).get(MEASURES + "/care-packages?by=district").then().statusCode(403)
                .contentType(containsString("problem+json")).body("detail", containsString("social-care"));
        assertEquals("denied", audited.get(0).outcome());

        // consent denies (e.g. the analyst's organisation is not a partner): 403 with its reason, nothing counted
        doReturn(Uni.createFrom().item(AccessDecision.deny(ReasonCode.NOT_A_SHARING_PARTNER, "QKM is not a "
                + "sharing partner"))).when(consent).decide(any());
        clearInvocations(optOut);
        given().auth().oauth2(ANALYST).get(MEASURES + "/covid-positive").then().statusCode(403)
                .body("detail", containsString("not a sharing partner"));
        verify(optOut, never()).exclusions();
    }

    @Test
    void badQueriesGetSpecificProblems() {
        given().auth().oauth2(ANALYST).get(MEASURES + "/no-such-measure").then().statusCode(404)
                .body("detail", containsString("covid-positive"));
        table("covid-positive", "postcode", null, null).statusCode(400).body("detail", containsString("district"));
        table("covid-positive", "district", "2019-13-01", null).statusCode(400).body("detail", containsString("from"));
        table("covid-positive", "district", "2020-02-01", "2020-01-01").statusCode(400);
        table("covid-positive", "district", "2010-01-01", "2020-01-01").statusCode(400)
                .body("detail", containsString("at most"));
        given().auth().oauth2(ANALYST).queryParam("format", "xml").get(MEASURES + "/covid-positive").then()
                .statusCode(400).body("detail", containsString("csv"));
        table("inpatients", "week", null, null).statusCode(400).body("detail", containsString("current"));
        given().auth().oauth2(ANALYST).queryParam("minimum", 3).get(MEASURES + "/covid-positive/hot-spots").then()
                .statusCode(400).body("detail", containsString("at least 10"));
    }

    @Test
    void countsPeopleOnceWithoutTheOptedOutSuppressedAndRoundedAndAuditsTheQuery() {
        String monday = week(1);
        String sunday = LocalDate.parse(monday).plusDays(6).toString();
        List<Person> district = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            Person person = AnalyticsData.person("ZA1 1AB", i % 2 == 0 ? "female" : "male", "1950-06-01",
                    i < 9 ? "A" : "H");
            AnalyticsData.test(person, monday, true);
            district.add(person);
        }
        // tested twice in the week: still one person
        AnalyticsData.test(district.get(0), LocalDate.parse(monday).plusDays(2).toString(), true);
        // 3 people in another district: suppressed, and with them the smallest other cell (9 people in ZA9)
        for (int i = 0; i < 3; i++) {
            AnalyticsData.test(AnalyticsData.person("ZB2 1AB", "female", "2001-01-01", null), monday, true);
        }
        for (int i = 0; i < 9; i++) {
            AnalyticsData.test(AnalyticsData.person("ZA9 1AB", "male", "1990-01-01", null), monday, true);
        }
        // negative results count as tested, not positive
        AnalyticsData.test(AnalyticsData.person("ZA1 9ZZ", "male", "1990-01-01", null), monday, false);

        List<Map<String, Object>> cells = table("covid-positive", "district", monday, sunday).statusCode(200)
                .body("from", equalTo(monday)).body("to", equalTo(sunday)).body("optOutListDate", equalTo("2026-11-30"))
                .extract().path("cells");
        assertEquals("15", cell(cells, "ZA1"), "13 people rounded to 15");
        assertEquals("*", cell(cells, "ZB2"));
        assertEquals("*", cell(cells, "ZA9"), "9 people, hidden so that ZB2 cannot be found from the total");

        optedOut.add(district.get(12).nhsNumber());
        AuditEvent before = audited.get(audited.size() - 1);
        List<Map<String, Object>> without = table("covid-positive", "district", monday, sunday).statusCode(200)
                .extract().path("cells");
        assertEquals("10", cell(without, "ZA1"), "12 people once the opted-out one is left out");

        // the audit: one committed event per query, the measure and breakdown named, no person
        AuditEvent event = audited.get(audited.size() - 1);
        assertTrue(event != before);
        assertEquals("analytics.covid-positive.district", event.action());
        assertEquals("permitted", event.outcome());
        assertEquals("secondary-use", event.purpose());
        assertEquals(List.of("infection-status"), event.categories());
        assertNull(event.subjectPersonId());
        assertNull(event.subjectNhsNumber());

        // age bands, sex and ethnicity, with the same rules; tested includes the negative result
        List<Map<String, Object>> ages = table("covid-positive", "age-band", monday, sunday).extract().path("cells");
        assertEquals("10", cell(ages, "60-69"));
        assertEquals("10", cell(ages, "18-29"), "3 aged 18 and 9 aged 29");
        List<Map<String, Object>> ethnic = table("covid-positive", "ethnicity", monday, sunday).extract()
                .path("cells");
        assertEquals("*", cell(ethnic, "Asian"), "3 people");
        assertEquals("*", cell(ethnic, "White"), "9 people, the smallest other cell: secondary suppression");
        assertEquals("10", cell(ethnic, "unknown"));
        List<Map<String, Object>> tested = table("covid-tested", "district", monday, sunday).extract().path("cells");
        assertEquals("15", cell(tested, "ZA1"), "12 positive and 1 negative");

        // CSV: the same published cells
        String csv = given().auth().oauth2(ANALYST).accept("text/csv").queryParam("by", "district")
                .queryParam("from", monday).queryParam("to", sunday).get(MEASURES + "/covid-positive").then()
                .statusCode(200).contentType(containsString("text/csv")).extract().asString();
        assertTrue(csv.contains("covid-positive,district," + monday + "," + sunday + ",2026-11-30,ZA1,10\r\n"), csv);
        assertTrue(csv.contains(",ZB2,*\r\n"), csv);
        assertTrue(csv.contains(",total,25\r\n"), csv);
        given().auth().oauth2(ANALYST).queryParam("format", "csv").queryParam("from", monday).queryParam("to", sunday)
                .get(MEASURES + "/covid-positive").then().statusCode(200).contentType(containsString("text/csv"))
                .body(not(containsString("nhs")));
    }

    @Test
    void aResultCorrectedOrRemovedLeavesTheFiguresAtOnce() throws SQLException {
        String monday = week(3);
        List<UUID> results = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            results.add(AnalyticsData.test(AnalyticsData.person("ZC3 1AB", "male", "1980-01-01", null), monday, true));
        }
        assertEquals("10", cell(table("covid-positive", "district", monday, monday).extract().path("cells"), "ZC3"));
        KmcrTestEnvironment.database().execute("UPDATE record.care_item SET status = 'entered-in-error' WHERE id = '"
                + results.get(0) + "'");
        KmcrTestEnvironment.database().execute("DELETE FROM record.care_item WHERE id = '" + results.get(1) + "'");
        assertEquals("10", cell(table("covid-positive", "district", monday, monday).extract().path("cells"), "ZC3"),
                "8 people: still 10");
        KmcrTestEnvironment.database().execute("DELETE FROM record.care_item WHERE id = '" + results.get(2) + "'");
        assertEquals("*", cell(table("covid-positive", "district", monday, monday).extract().path("cells"), "ZC3"),
                "7 people");

        // ingest's own role writes items and the trigger indexes them; record's role cannot write the aggregates
        try (Connection ingest = KmcrTestEnvironment.database().connectAs("kmcr_ingest");
                Statement statement = ingest.createStatement()) {
            statement.execute("UPDATE record.care_item SET status = 'final' WHERE id = '" + results.get(0) + "'");
        }
        assertEquals("10", cell(table("covid-positive", "district", monday, monday).extract().path("cells"), "ZC3"));
        try (Connection record = KmcrTestEnvironment.database().connectAs("kmcr_record");
                Statement statement = record.createStatement()) {
            assertThrows(SQLException.class, () -> statement.execute("DELETE FROM record.analytics_event"));
            // nor through the owner's function
            assertThrows(SQLException.class, () -> statement.execute("SELECT record.analytics_index(c) "
                    + "FROM record.care_item c LIMIT 1"));
        }
    }

    @Test
    void currentInpatientsBySiteAgeAndDistrictCountWhoIsInHospitalNow() {
        for (int i = 0; i < 9; i++) {
            Person person = AnalyticsData.person("ZG7 1AB", "male", "1940-01-01", null);
            StoredItemBuilder.item(person.identity(), "encounters", "Encounter").from("ZZT01").status("in-progress")
                    .coded("http://terminology.hl7.org/CodeSystem/v3-ActCode", "IMP", "inpatient encounter").store();
        }
        Person discharged = AnalyticsData.person("ZG7 1AB", "male", "1940-01-01", null);
        StoredItemBuilder.item(discharged.identity(), "encounters", "Encounter").from("ZZT01").status("finished")
                .coded("http://terminology.hl7.org/CodeSystem/v3-ActCode", "IMP", "inpatient encounter").store();
        ValidatableResponse bySite = table("inpatients", "site", null, null).statusCode(200)
                .body("from", equalTo(null)).body("kind", equalTo("current"));
        assertEquals("10", cell(bySite.extract().path("cells"), "ZZT01"), "9 in progress; the finished stay is not");
        assertEquals("10", cell(table("inpatients", "district", null, null).extract().path("cells"), "ZG7"));
        List<Map<String, Object>> ages = table("inpatients", "age-band", null, null).statusCode(200).extract()
                .path("cells");
        assertEquals("10", cell(ages, "80+"));
        table("inpatients", "sex", null, null).statusCode(200);
    }

    @Test
    void aNewOptOutListIsStoredOnceAndAppliesFromTheNextQuery() throws SQLException {
        String monday = week(10);
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Person person = AnalyticsData.person("ZH8 1AB", "female", "1960-01-01", null);
            AnalyticsData.test(person, monday, true);
            people.add(person);
        }
        List<String> first = List.of(TestNhsNumbers.next(), TestNhsNumbers.next());
        optedOut.addAll(first);
        assertEquals("10", cell(table("covid-positive", "district", monday, monday).statusCode(200)
                .body("optOutListDate", equalTo("2026-11-30")).extract().path("cells"), "ZH8"));
        long lists = storedLists();
        table("covid-positive", "district", monday, monday).statusCode(200);
        table("covid-positive", "week", monday, monday).statusCode(200);
        assertEquals(lists, storedLists(), "the same list is stored once, whatever the number of queries");

        // a privacy officer loads a new list with 3 of these people on it: the very next query leaves them out
        List<String> second = people.subList(0, 3).stream().map(Person::nhsNumber).toList();
        doAnswer(call -> Uni.createFrom().item(new OptOutExclusions(LocalDate.of(2026, 12, 1), null, second)))
                .when(optOut).exclusions();
        ValidatableResponse after = table("covid-positive", "district", monday, monday).statusCode(200)
                .body("optOutListDate", equalTo("2026-12-01"));
        assertEquals("*", cell(after.extract().path("cells"), "ZH8"), "7 people once 3 are on the new list");
        assertEquals(lists + 1, storedLists());
        assertEquals(1, count("SELECT count(*) FROM record.analytics_opt_out_list WHERE superseded_at IS NULL"),
                "one list in force");
        List<Map<String, Object>> weeks = table("covid-positive", "week", monday, monday).extract().path("cells");
        assertEquals("*", cell(weeks, monday));

        // consent goes back to the first list: found again, not stored twice
        doAnswer(call -> Uni.createFrom().item(new OptOutExclusions(LocalDate.of(2026, 11, 30), null, first)))
                .when(optOut).exclusions();
        assertEquals("10", cell(table("covid-positive", "district", monday, monday).extract().path("cells"), "ZH8"));
        assertEquals(lists + 1, storedLists());

        // people whose Patient arrives while that list is in force are left out from their first item
        for (String onTheList : first) {
            AnalyticsData.test(AnalyticsData.person(onTheList, "ZH8 1AB", "male", "1960-01-01", null), monday, true);
        }
        for (int i = 0; i < 2; i++) {
            AnalyticsData.test(AnalyticsData.person("ZH8 1AB", "male", "1960-01-01", null), monday, true);
        }
        List<Map<String, Object>> later = table("covid-positive", "district", monday, monday).extract().path("cells");
        assertEquals("10", cell(later, "ZH8"), "12 people, the 2 on the list left out: 10 (not 14 rounded to 15)");
        assertEquals(12, count("SELECT count(*) FROM record.analytics_person WHERE district = 'ZH8' "
                + "AND NOT opted_out"));

        // record's role reads the stored lists but cannot change them except through the owner's function
        try (Connection record = KmcrTestEnvironment.database().connectAs("kmcr_record");
                Statement statement = record.createStatement()) {
            assertThrows(SQLException.class, () -> statement.execute("DELETE FROM record.analytics_opt_out"));
            assertThrows(SQLException.class, () -> statement.execute("INSERT INTO record.analytics_opt_out_list "
                    + "(digest, size) VALUES (repeat('0', 64), 0)"));
        }
    }

    @Test
    void peopleInCareHomesAndWithCarePackagesAreCountedNowAndNeverNamed() {
        permits(List.of(CareCategory.CONDITIONS, CareCategory.SOCIAL_CARE));
        List<String> named = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            Person resident = AnalyticsData.person("ZJ1 1AB", "female", "1930-01-01", null);
            StoredItemBuilder.item(resident.identity(), "conditions", "Condition").status("active")
                    .coded(AnalyticsData.SNOMED, "160734000", "Lives in a nursing home").store();
            named.add(resident.nhsNumber());
        }
        // no longer in a care home: not counted now
        Person movedOut = AnalyticsData.person("ZJ1 1AB", "female", "1930-01-01", null);
        StoredItemBuilder.item(movedOut.identity(), "conditions", "Condition").status("resolved")
                .coded(AnalyticsData.SNOMED, "160734000", "Lives in a nursing home").store();
        for (int i = 0; i < 12; i++) {
            Person cared = AnalyticsData.person("ZJ2 1AB", "male", "1945-01-01", null);
            String status = i < 11 ? "active" : "completed";
            StoredItemBuilder.item(cared.identity(), "social-care", "CarePlan").from("QKM").coded(null, null, null)
                    .status(status).resource(carePlan(status)).store();
            named.add(cared.nhsNumber());
        }

        String residents = table("care-home-residents", "district", null, null).statusCode(200)
                .body("kind", equalTo("current")).extract().asString();
        assertEquals("10", cell(table("care-home-residents", "district", null, null).extract().path("cells"), "ZJ1"),
                "9 people in a care home now, rounded");
        List<Map<String, Object>> packages = table("care-packages", "district", null, null).statusCode(200)
                .extract().path("cells");
        assertEquals("10", cell(packages, "ZJ2"), "11 active care packages; the completed one is not counted");
        assertEquals("analytics.care-packages.district", audited.get(audited.size() - 1).action());
        assertEquals(List.of("social-care"), audited.get(audited.size() - 1).categories());
        String bySex = given().auth().oauth2(ANALYST).accept("text/csv").queryParam("by", "sex")
                .get(MEASURES + "/care-packages").then().statusCode(200).extract().asString();
        for (String nhsNumber : named) {
            assertTrue(!residents.contains(nhsNumber) && !bySex.contains(nhsNumber), "no identifier leaves");
        }
        // suppression applies as to every measure: one person in a care home elsewhere is a '*'
        Person alone = AnalyticsData.person("ZJ3 1AB", "male", "1930-01-01", null);
        StoredItemBuilder.item(alone.identity(), "conditions", "Condition").status("active")
                .coded(AnalyticsData.SNOMED, "394923006", "Lives in a residential home").store();
        assertEquals("*", cell(table("care-home-residents", "district", null, null).extract().path("cells"), "ZJ3"));
    }

    static String carePlan(String status) {
        return "{\"resourceType\":\"CarePlan\",\"status\":\"" + status + "\",\"intent\":\"plan\",\"category\":[{"
                + "\"coding\":[{\"system\":\"" + AnalyticsData.SNOMED + "\",\"code\":\"735324008\",\"display\":"
                + "\"Care package\"}]}]}";
    }

    static long storedLists() throws SQLException {
        return count("SELECT count(*) FROM record.analytics_opt_out_list");
    }

    static long count(String sql) throws SQLException {
        try (Connection record = KmcrTestEnvironment.database().connectAs("kmcr_record");
                Statement statement = record.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void aNewMeasureIsDataOnly() {
        KmcrTestEnvironment.database().execute("""
                INSERT INTO record.analytics_measure (code, title, description, kind, category)
                VALUES ('tb-diagnosed', 'People diagnosed with tuberculosis', 'A TB diagnosis in the period.',
                    'event', 'infection-status');
                INSERT INTO record.analytics_measure_rule (measure_code, resource_type, codes)
                VALUES ('tb-diagnosed', 'Condition', ARRAY['56717001'])""");
        String monday = week(5);
        for (int i = 0; i < 9; i++) {
            Person person = AnalyticsData.person("ZD4 1AB", "female", "1970-01-01", null);
            StoredItemBuilder.item(person.identity(), "infection-status", "Condition")
                    .coded(AnalyticsData.SNOMED, "56717001", "Tuberculosis").at(monday + "T10:00:00Z").store();
        }
        given().auth().oauth2(ANALYST).get(MEASURES).then().statusCode(200).body("code", hasItem("tb-diagnosed"));
        ValidatableResponse response = table("tb-diagnosed", "district", monday, monday).statusCode(200);
        assertEquals("10", cell(response.extract().path("cells"), "ZD4"));
        assertEquals("analytics.tb-diagnosed.district", audited.get(audited.size() - 1).action());
    }

    @Test
    void hotSpotsRankTheFastestRisingDistricts() {
        String to = LocalDate.parse(week(8)).plusDays(6).toString();
        LocalDate recent = LocalDate.parse(to).minusDays(2);
        LocalDate prior = LocalDate.parse(to).minusDays(9);
        for (int i = 0; i < 120; i++) {
            Person person = AnalyticsData.person("ZE5 1AB", "female", "1970-01-01", null);
            if (i < 30) {
                AnalyticsData.test(person, recent.toString(), true);
            } else if (i < 40) {
                AnalyticsData.test(person, prior.toString(), true);
            }
        }
        for (int i = 0; i < 120; i++) {
            Person person = AnalyticsData.person("ZF6 1AB", "female", "1970-01-01", null);
            if (i < 12) {
                AnalyticsData.test(person, recent.toString(), true);
            } else if (i < 22) {
                AnalyticsData.test(person, prior.toString(), true);
            }
        }
        List<Map<String, Object>> spots = given().auth().oauth2(ANALYST).queryParam("to", to)
                .get(MEASURES + "/covid-positive/hot-spots").then().statusCode(200).body("minimumCount", equalTo(10))
                .extract().path("districts");
        List<Object> districts = spots.stream().map(s -> s.get("district")).toList();
        assertTrue(districts.indexOf("ZE5") >= 0 && districts.indexOf("ZE5") < districts.indexOf("ZF6"), "" + spots);
        Map<String, Object> first = spots.get(districts.indexOf("ZE5"));
        assertEquals("30", ((Map<?, ?>) first.get("recent")).get("value"));
        assertEquals("10", ((Map<?, ?>) first.get("prior")).get("value"));
        assertEquals("analytics.covid-positive.hot-spots", audited.get(audited.size() - 1).action());
    }
}
