package org.kmcr.record.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.verify;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kmcr.common.consent.Action;
import org.kmcr.common.consent.CareCategory;
import org.kmcr.common.record.TimelineEntry;
import org.kmcr.common.record.TimelinePage;
import org.kmcr.common.testing.KmcrTestEnvironment;
import org.kmcr.common.testing.TestTokens;
import org.kmcr.record.StoredItemBuilder;

/** The timeline: contacts recent first, keyset pages stable under inserts, filters, consent and audit. */
@QuarkusTest
@QuarkusTestResource(KmcrTestEnvironment.class)
class TimelineTest extends MockedNeighbours {

    static final String CLINICIAN = TestTokens.user("dr.reed", "clinician", "RKM");
    static final String ACT = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

    UUID gp;
    UUID hospital;
    String nhsNumber;
    UUID ae;
    UUID admission;
    UUID outpatient;
    UUID homeVisit;
    UUID mentalHealth;
    UUID socialCare;

    @BeforeEach
    void aPersonWithContacts() {
        gp = UUID.randomUUID();
        hospital = UUID.randomUUID();
        nhsNumber = person(gp, hospital);
        permits(EVERY_CATEGORY, List.of());
        ae = encounter(hospital, "RKM", "EMER", "2024-03-01T10:00:00Z", """
                ,"type":[{"text":"Emergency department attendance"}],"period":{"start":"2024-03-01T10:00:00Z",\
                "end":"2024-03-01T14:00:00Z"},"location":[{"location":{"display":"Kingsmere ED"}}]""");
        admission = encounter(hospital, "RKM", "IMP", "2024-02-01T09:00:00Z", "");
        outpatient = encounter(hospital, "RRK", "AMB", "2024-01-15T09:00:00Z", "");
        homeVisit = encounter(gp, "K81001", "HH", "2023-12-01T09:00:00Z", "");
        mentalHealth = StoredItemBuilder.item(gp, "mental-health", "EpisodeOfCare").from("RXT").coded(null, null, null)
                .at("2023-11-01T00:00:00Z").resource("""
                        {"resourceType":"EpisodeOfCare","status":"active","type":[{"text":"Community mental health"}],\
                        "managingOrganization":{"identifier":{"system":"https://fhir.nhs.uk/Id/ods-organization-code",\
                        "value":"RXT"}}}""").store();
        // ingest indexes no time for an episode: it sorts last, and its period comes from the resource
        socialCare = StoredItemBuilder.item(gp, "social-care", "EpisodeOfCare").from("KMSC1").coded(null, null, null)
                .at(null).status(null).resource("""
                        {"resourceType":"EpisodeOfCare","status":"active","type":[{"text":"Adult social care"}],\
                        "period":{"start":"2022-05-01"}}""").store();
        // not timeline items: a crisis plan in mental-health, a condition
        StoredItemBuilder.item(gp, "mental-health", "CarePlan").from("RXT").at("2024-04-01T00:00:00Z").store();
        StoredItemBuilder.item(gp, "conditions", "Condition").from("K81001").at("2024-04-01T00:00:00Z").store();
    }

    UUID encounter(UUID identity, String org, String classCode, String start, String more) {
        return StoredItemBuilder.item(identity, "encounters", "Encounter").from(org).coded(ACT, classCode, null)
                .status("finished").at(start).resource("{\"resourceType\":\"Encounter\",\"status\":\"finished\","
                        + "\"class\":{\"system\":\"" + ACT + "\",\"code\":\"" + classCode + "\"}" + more + "}")
                .store();
    }

    ValidatableResponse timeline(String query) {
        return given().auth().oauth2(CLINICIAN).get("/api/records/" + nhsNumber + "/timeline" + query).then();
    }

    TimelinePage page(String query) {
        return timeline(query).statusCode(200).extract().as(TimelinePage.class);
    }

    static List<UUID> ids(TimelinePage page) {
        return page.entries().stream().map(TimelineEntry::id).toList();
    }

    @Test
    void contactsComeRecentFirstInPagesThatInsertsDoNotShift() {
        TimelinePage first = page("?limit=2");
        assertEquals(List.of(ae, admission), ids(first));
        TimelineEntry attendance = first.entries().get(0);
        assertEquals("ae-attendance", attendance.type());
        assertEquals("Emergency department attendance", attendance.display());
        assertEquals("Kingsmere ED", attendance.location());
        assertEquals("RKM", attendance.organisation());
        assertNotNull(attendance.end());
        assertEquals("partner-rkm", attendance.provenance().sourceSystem());
        assertEquals("admission", first.entries().get(1).type());
        assertNotNull(first.nextCursor());

        // arriving between the reads: one newer than everything, one between the first page's entries
        encounter(hospital, "RKM", "EMER", "2025-01-01T00:00:00Z", "");
        encounter(hospital, "RKM", "EMER", "2024-02-15T00:00:00Z", "");
        TimelinePage second = page("?limit=2&cursor=" + first.nextCursor());
        assertEquals(List.of(outpatient, homeVisit), ids(second));
        assertEquals(List.of("outpatient", "community"), second.entries().stream().map(TimelineEntry::type).toList());
        TimelinePage third = page("?limit=2&cursor=" + second.nextCursor());
        assertEquals(List.of(mentalHealth, socialCare), ids(third));
        assertEquals("RXT", third.entries().get(0).organisation());
        assertEquals("Adult social care", third.entries().get(1).display());
        assertEquals(java.time.Instant.parse("2022-05-01T00:00:00Z"), third.entries().get(1).start());
        assertNull(third.nextCursor());
        verify(consent, org.mockito.Mockito.atLeastOnce()).decide(argThat(r -> r.action() == Action.TIMELINE));
        verify(audit, org.mockito.Mockito.atLeastOnce()).record(argThat(e -> e.action().equals("record.timeline.read")
                && e.categories().equals(List.of("mental-health", "social-care"))));
    }

    @Test
    void filteredByTypeAndOrganisation() {
        assertEquals(List.of(ae), ids(page("?type=ae-attendance")));
        assertEquals(List.of(homeVisit), ids(page("?type=community")));
        assertEquals(List.of(mentalHealth), ids(page("?type=mental-health")));
        assertEquals(List.of(socialCare), ids(page("?type=social-care")));
        assertEquals(List.of(outpatient), ids(page("?organisation=rrk")));
        assertEquals(List.of(), ids(page("?type=admission&organisation=RRK")));
        assertEquals(6, page("").entries().size());
    }

    @Test
    void onlyThePermittedCategoriesAreOnTheTimeline() {
        permits(List.of(CareCategory.DEMOGRAPHICS, CareCategory.MENTAL_HEALTH), List.of());
        assertEquals(List.of(mentalHealth), ids(page("")));
        assertEquals(List.of(), ids(page("?type=admission")));
    }

    @Test
    void badParametersAreSpecific() {
        timeline("?type=picnic").statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("ae-attendance"));
        timeline("?cursor=bm90LWEtY3Vyc29y").statusCode(400).body("detail", containsString("cursor"));
        timeline("?limit=0").statusCode(400).body("detail", equalTo("limit must be between 1 and 100"));
        timeline("?limit=101").statusCode(400);
        timeline("?organisation=R%27%20OR%201=1").statusCode(400);
    }

    @Test
    void securedForPeopleInTheirRoles() {
        given().get("/api/records/" + nhsNumber + "/timeline").then().statusCode(401);
        given().auth().oauth2(TestTokens.partner("partner-rkm-pas", "RKM"))
                .get("/api/records/" + nhsNumber + "/timeline").then().statusCode(403);
        given().auth().oauth2(TestTokens.patient("mary", nhsNumber))
                .get("/api/records/" + nhsNumber + "/timeline").then().statusCode(200)
                .body("nextCursor", nullValue());
    }
}
