package org.kmcr.record.fhir;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kmcr.common.consent.Action;
import org.kmcr.common.consent.CareCategory;
import org.kmcr.common.consent.ItemRule;
import org.kmcr.common.consent.Redaction;
import org.kmcr.common.testing.KmcrTestEnvironment;
import org.kmcr.common.testing.TestTokens;
import org.kmcr.record.FhirFixtures;

/** Search on every type: the person's items of the type, the common parameters, paging, and totals after consent. */
@QuarkusTest
@QuarkusTestResource(KmcrTestEnvironment.class)
class FhirSearchTest extends FhirTestBase {

    @ParameterizedTest
    @ValueSource(strings = {"AllergyIntolerance", "MedicationStatement", "MedicationRequest", "Condition",
            "Observation", "DiagnosticReport", "Encounter", "Flag", "CarePlan", "Consent", "RelatedPerson",
            "ServiceRequest", "DocumentReference", "EpisodeOfCare", "Location", "Immunization"})
    void everyTypeIsSearchedByPatientAcrossTheirSourceIdentities(String type) {
        UUID fromHospital = at(hospital, type, "1001", "2024-01-10T09:00:00Z").store();
        UUID fromGp = at(gp, type, "1002", "2024-02-10T09:00:00Z").store();
        at(UUID.randomUUID(), type, "1003", "2024-03-10T09:00:00Z").store();
        at(hospital, type.equals("Condition") ? "Observation" : "Condition", "1004", "2024-03-10T09:00:00Z").store();
        as(CLINICIAN).get(BASE + "/" + type + "?" + patientParameter()).then().statusCode(200)
                .contentType("application/fhir+json")
                .body("resourceType", equalTo("Bundle")).body("type", equalTo("searchset"))
                .body("total", equalTo(2)).body("entry", hasSize(2))
                .body("entry.resource.resourceType", equalTo(List.of(type, type)))
                .body("entry.resource.id", type.equals("RelatedPerson") || type.equals("Location")
                        ? org.hamcrest.Matchers.containsInAnyOrder(fromGp.toString(), fromHospital.toString())
                        : equalTo(List.of(fromGp.toString(), fromHospital.toString())))
                .body("entry[0].fullUrl", containsString("/fhir/r4/" + type + "/"))
                .body("entry.search.mode", equalTo(List.of("match", "match")));
        verify(consent).decide(argThat(r -> r.action() == Action.FHIR_SEARCH && r.personId().equals(personId)));
        verify(audit).record(argThat(e -> e.action().equals("record.fhir.search") && e.outcome().equals("permitted")
                && e.subjectNhsNumber().equals(nhsNumber)));
    }

    @Test
    void theIdentifierBarIsAcceptedEncodedOrNot() {
        UUID patient = at(hospital, "Patient", null, null).store();
        for (String bar : List.of("%7C", "%7c")) {
            as(CLINICIAN).get(BASE + "/Patient?identifier=" + NHS + bar + nhsNumber).then().statusCode(200)
                    .body("total", equalTo(1)).body("entry[0].resource.id", equalTo(patient.toString()))
                    .body("entry[0].resource.identifier[0].value", equalTo(nhsNumber));
            as(CLINICIAN).get(BASE + "/Condition?patient:identifier=" + NHS + bar + nhsNumber).then().statusCode(200)
                    .body("total", equalTo(0));
        }
        // as many clients send it: the bar not encoded at all (a raw request; Java's URI would refuse to send it)
        RawHttp.Answer raw = RawHttp.get(BASE + "/Patient?identifier=" + NHS + "|" + nhsNumber, CLINICIAN);
        assertEquals(200, raw.status(), raw.body());
        JsonPath bundle = new JsonPath(raw.body());
        assertEquals(1, bundle.getInt("total"));
        assertEquals(patient.toString(), bundle.getString("entry[0].resource.id"));
        assertEquals(200, RawHttp.get(BASE + "/Condition?patient:identifier=" + NHS + "|" + nhsNumber, CLINICIAN)
                .status());
        as(CLINICIAN).get(BASE + "/Condition?patient=Patient/" + patient).then().statusCode(200);
        as(CLINICIAN).get(BASE + "/Condition?patient=" + nhsNumber).then().statusCode(200);
        as(CLINICIAN).get(BASE + "/Patient?identifier=urn:other%7C1").then().statusCode(400)
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].expression[0]", equalTo("identifier"));
    }

    @Test
    void dateCodeStatusAndCategoryNarrowTheSearch() {
        at(hospital, "Observation", "1001", "2023-12-31T23:59:59Z").store();
        UUID january = at(hospital, "Observation", "1002", "2024-01-15T10:00:00Z").store();
        UUID february = at(gp, "Observation", "1001", "2024-02-01T00:00:00Z").store();
        String search = BASE + "/Observation?" + patientParameter();
        assertEquals(List.of(february.toString(), january.toString()), ids(search + "&date=ge2024-01-01"));
        assertEquals(List.of(january.toString()), ids(search + "&date=2024-01"));
        assertEquals(List.of(january.toString()), ids(search + "&date=ge2024-01-01&date=lt2024-02-01"));
        assertEquals(List.of(february.toString()), ids(search + "&date=gt2024-01-31"));
        assertEquals(2, ids(search + "&date=le2024-01-15").size());
        assertEquals(List.of(february.toString()), ids(search + "&date=ge2024-02-01T00:00:00%2B00:00"));
        assertEquals(2, ids(search + "&code=" + FhirFixtures.SNOMED + "%7C1001").size());
        assertEquals(List.of(january.toString()), ids(search + "&code=1002"));
        assertEquals(3, ids(search + "&code=1001,1002").size());
        assertEquals(0, ids(search + "&code=urn:other%7C1001").size());
        assertEquals(3, ids(search + "&status=final").size());
        assertEquals(0, ids(search + "&status=preliminary").size());
        assertEquals(3, ids(search + "&category=laboratory").size());
        assertEquals(3, ids(search + "&category=http://terminology.hl7.org/CodeSystem/observation-category%7Claboratory")
                .size());
        assertEquals(0, ids(search + "&category=vital-signs").size());
        assertEquals(List.of(february.toString()), ids(search + "&_sort=date&date=ge2024-01-20"));
        assertEquals(january.toString(), ids(search + "&_sort=date&date=ge2024-01-01").get(0));
        as(CLINICIAN).get(search + "&date=ne2024-01-01").then().statusCode(400)
                .body("issue[0].expression[0]", equalTo("date"));
        as(CLINICIAN).get(search + "&date=yesterday").then().statusCode(400);
        as(CLINICIAN).get(search + "&_sort=code").then().statusCode(400);
        as(CLINICIAN).get(search + "&_count=0").then().statusCode(400);
        at(hospital, "AllergyIntolerance", "1005", "2024-01-01T00:00:00Z").store();
        assertEquals(1, ids(BASE + "/AllergyIntolerance?" + patientParameter() + "&category=medication").size());
        assertEquals(0, ids(BASE + "/AllergyIntolerance?" + patientParameter() + "&category=food").size());
    }

    @Test
    void lastUpdatedSortsAndFiltersByWhenKmcrLastChangedTheItem() {
        UUID first = at(hospital, "Condition", "1001", "2024-05-01T00:00:00Z").store();
        UUID second = at(hospital, "Condition", "1002", "2020-05-01T00:00:00Z").store();
        String search = BASE + "/Condition?" + patientParameter();
        assertEquals(List.of(second.toString(), first.toString()), ids(search + "&_sort=-_lastUpdated"));
        assertEquals(List.of(first.toString(), second.toString()), ids(search + "&_sort=_lastUpdated"));
        assertEquals(2, ids(search + "&_lastUpdated=ge2020-01-01").size());
        assertEquals(0, ids(search + "&_lastUpdated=lt2020-01-01").size());
    }

    @Test
    void pagesFollowTheirLinksBothWaysAndANextLinkSurvivesNewItems() {
        List<String> expected = new ArrayList<>();
        for (int day = 1; day <= 7; day++) {
            expected.add(0, at(day % 2 == 0 ? gp : hospital, "Condition", "10" + day,
                    "2024-03-0" + day + "T08:00:00Z").store().toString());
        }
        JsonPath first = page(BASE + "/Condition?" + patientParameter() + "&_count=3");
        assertEquals(7, first.getInt("total"));
        assertEquals(expected.subList(0, 3), first.getList("entry.resource.id"));
        assertNull(link(first, "previous"));
        // an item more recent than any other arrives: the next link still carries on where the first page ended
        at(hospital, "Condition", "999", "2025-01-01T00:00:00Z").store();
        JsonPath second = page(link(first, "next"));
        assertEquals(expected.subList(3, 6), second.getList("entry.resource.id"));
        assertEquals(8, second.getInt("total"));
        JsonPath third = page(link(second, "next"));
        assertEquals(expected.subList(6, 7), third.getList("entry.resource.id"));
        assertNull(link(third, "next"));
        JsonPath back = page(link(third, "previous"));
        assertEquals(expected.subList(3, 6), back.getList("entry.resource.id"));
        assertEquals(link(second, "next"), link(back, "next"));
        assertEquals(1, page(link(page(link(back, "previous")), "previous")).getList("entry").size());
        as(CLINICIAN).get(BASE + "/Condition?" + patientParameter() + "&_cursor=bm90LWEtY3Vyc29y").then()
                .statusCode(400).body("issue[0].expression[0]", equalTo("_cursor"));
    }

    @Test
    void totalsCountOnlyWhatIsShownAndWithheldCategoriesAreSaidOnlyWhereTheRuleAllows() {
        at(hospital, "Condition", "1001", "2024-01-01T00:00:00Z").store();
        at(hospital, "Condition", "1002", "2024-01-02T00:00:00Z").withConfidentiality("R").store();
        at(hospital, "Condition", "1003", "2024-01-03T00:00:00Z").withConfidentiality("V").store();
        at(hospital, "Condition", "1004", "2024-01-04T00:00:00Z").withConfidentiality("R").from("K81001").store();
        for (int i = 0; i < 3; i++) {
            at(gp, "Condition", "20" + i, "2023-06-0" + (i + 1) + "T00:00:00Z").store();
        }
        decides(permit(List.of(CareCategory.CONDITIONS), List.of(
                new ItemRule("restricted", ItemRule.Treatment.WITHHOLD, null, java.util.Set.of("R"), null, null, null,
                        null, "K81001"),
                rule("very-restricted", ItemRule.Treatment.HIDE, "V")), List.of()));
        String search = BASE + "/Condition?" + patientParameter() + "&_count=2";
        JsonPath first = page(search);
        assertEquals(5, first.getInt("total"));
        List<String> seen = new ArrayList<>(first.getList("entry.findAll { it.search.mode == 'match' }.resource.code"
                + ".coding.code.flatten()"));
        assertEquals(List.of("suppressed"), first.getList("entry.findAll { it.search.mode == 'outcome' }"
                + ".resource.issue[0].code"));
        assertEquals(List.of("Information withheld: conditions"), first.getList(
                "entry.findAll { it.search.mode == 'outcome' }.resource.issue[0].diagnostics"));
        JsonPath next = first;
        while (link(next, "next") != null) {
            next = page(link(next, "next"));
            assertEquals(5, next.getInt("total"));
            seen.addAll(next.getList("entry.findAll { it.search.mode == 'match' }.resource.code.coding.code.flatten()"));
        }
        assertEquals(List.of("1004", "1001", "202", "201", "200"), seen);
        // a hide rule alone leaves no trace at all
        decides(permit(List.of(CareCategory.CONDITIONS), List.of(rule("hidden", ItemRule.Treatment.HIDE, "R", "V")),
                List.of()));
        as(CLINICIAN).get(search).then().statusCode(200).body("total", equalTo(4))
                .body("entry.resource.resourceType", not(hasItem("OperationOutcome")));
        verify(audit, org.mockito.Mockito.atLeastOnce()).record(argThat(e -> e.categories().equals(
                categories(CareCategory.CONDITIONS))));
    }

    @Test
    void categoriesTheDecisionDoesNotPermitAreNeitherShownNorCounted() {
        at(hospital, "Condition", "1001", "2024-01-01T00:00:00Z").store();
        decides(permit(List.of(CareCategory.DEMOGRAPHICS, CareCategory.ALLERGIES), List.of(), List.of()));
        as(CLINICIAN).get(BASE + "/Condition?" + patientParameter()).then().statusCode(200).body("total", equalTo(0))
                .body("entry", hasSize(0)).body("link.find { it.relation == 'self' }.url",
                        containsString("/fhir/r4/Condition?"));
    }

    @Test
    void aSensitivePersonsAddressAndTelecomAreRedactedForOtherOrganisations() {
        at(hospital, "Patient", null, null).from("K81001").withConfidentiality("R").store();
        at(hospital, "RelatedPerson", null, null).from("K81001").store();
        // consent redacts the details for every organisation but the caller's own
        decides(permit(List.of(CareCategory.values()), List.of(), List.of(new Redaction(java.util.Set.of("R"),
                java.util.Set.of(Redaction.Field.ADDRESS, Redaction.Field.TELECOM), "RKM"))));
        as(CLINICIAN).get(BASE + "/Patient?identifier=" + NHS + "%7C" + nhsNumber).then().statusCode(200)
                .body("entry[0].resource.address", org.hamcrest.Matchers.nullValue())
                .body("entry[0].resource.telecom", org.hamcrest.Matchers.nullValue())
                .body("entry[0].resource.name[0].family", equalTo("Jones"));
        as(CLINICIAN).get(BASE + "/RelatedPerson?" + patientParameter()).then().statusCode(200)
                .body("entry[0].resource.telecom", org.hamcrest.Matchers.nullValue())
                .body("entry[0].resource.name[0].given[0]", equalTo("Ann"));
        decides(permit(List.of(CareCategory.values()), List.of(), List.of(new Redaction(java.util.Set.of("R"),
                java.util.Set.of(Redaction.Field.ADDRESS, Redaction.Field.TELECOM), "K81001"))));
        as(TestTokens.user("gp", "clinician", "K81001")).get(BASE + "/Patient?identifier=" + NHS + "%7C" + nhsNumber)
                .then().statusCode(200).body("entry[0].resource.address[0].postalCode", equalTo("KM1 2AB"));
    }

    @Test
    void unknownParametersAreIgnoredAndNamedOrRefusedUnderStrictHandling() {
        at(hospital, "Condition", "1001", "2024-01-01T00:00:00Z").store();
        String search = BASE + "/Condition?" + patientParameter() + "&onset-date=2024&_elements=code";
        as(CLINICIAN).get(search).then().statusCode(200).body("total", equalTo(1))
                .body("entry[1].search.mode", equalTo("outcome"))
                .body("entry[1].resource.issue.diagnostics", equalTo(List.of("Parameter ignored: _elements",
                        "Parameter ignored: onset-date")))
                .body("link.find { it.relation == 'self' }.url", not(containsString("onset-date")));
        as(CLINICIAN).header("Prefer", "handling=strict").get(search).then().statusCode(400)
                .contentType("application/fhir+json").body("resourceType", equalTo("OperationOutcome"))
                .body("issue.findAll { it.expression }.expression.flatten()", equalTo(List.of("_elements", "onset-date")));
        as(CLINICIAN).header("Prefer", "handling=lenient").get(search).then().statusCode(200);
        as(CLINICIAN).get(BASE + "/Encounter?" + patientParameter() + "&category=x").then().statusCode(200)
                .body("entry[0].resource.issue[0].diagnostics", equalTo("Parameter ignored: category"));
    }

    @Test
    void aSearchNamesItsPatientAndAPatientTheStoreDoesNotHoldIsNotFound() {
        as(CLINICIAN).get(BASE + "/Condition?code=1001").then().statusCode(400)
                .body("issue[0].expression[0]", equalTo("patient"));
        as(CLINICIAN).get(BASE + "/Condition?patient=Patient/" + UUID.randomUUID()).then().statusCode(404)
                .body("resourceType", equalTo("OperationOutcome")).body("issue[0].code", equalTo("not-found"));
        as(CLINICIAN).get(BASE + "/Condition?patient=9434765918").then().statusCode(400)
                .body("issue[0].diagnostics", containsString("Modulus 11"));
    }

    static JsonPath page(String url) {
        return SearchPages.page(url);
    }

    static String link(JsonPath bundle, String relation) {
        return SearchPages.link(bundle, relation);
    }

    static List<String> ids(String url) {
        return page(url).getList("entry.findAll { it.search.mode == 'match' }.resource.id");
    }
}
