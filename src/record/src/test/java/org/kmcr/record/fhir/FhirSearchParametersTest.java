package org.kmcr.record.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.record.mapping.FhirCursor;
import org.kmcr.record.mapping.FhirQuery;
import org.kmcr.record.mapping.FhirResourceType;
import org.kmcr.record.mapping.FhirSearchParameters;

/** The reading of search parameters, as a table of named cases. */
class FhirSearchParametersTest {

    static FhirQuery search(Map<String, List<String>> parameters) {
        return FhirSearchParameters.search(FhirResourceType.CONDITION, parameters, false);
    }

    @ParameterizedTest(name = "date={0}")
    @CsvSource({
            "2024-03,              GE 2024-03-01T00:00:00Z, LT 2024-04-01T00:00:00Z",
            "eq2024,               GE 2024-01-01T00:00:00Z, LT 2025-01-01T00:00:00Z",
            "ge2024-03-05,         GE 2024-03-05T00:00:00Z,",
            "gt2024-03-05,         GE 2024-03-06T00:00:00Z,",
            "lt2024-03-05,         LT 2024-03-05T00:00:00Z,",
            "le2024-03-05,         LT 2024-03-06T00:00:00Z,",
            "ge2024-03-05T10:00:00+01:00, GE 2024-03-05T09:00:00Z,",
            "ge2024-03-05T10:00:00 01:00, GE 2024-03-05T09:00:00Z,"})
    void datePrefixesBecomeBoundsAtTheValuesPrecision(String date, String first, String second) {
        List<FhirQuery.Bound> bounds = search(Map.of("patient", List.of("9434765919"), "date", List.of(date)))
                .effective();
        List<String> expected = second == null ? List.of(first.strip()) : List.of(first.strip(), second.strip());
        assertEquals(expected, bounds.stream().map(b -> b.op() + " " + b.value()).toList());
    }

    @Test
    void tokensKeepTheirSystemOrSayThereIsNone() {
        FhirQuery query = search(Map.of("patient", List.of("Patient/9434765919"),
                "code", List.of("http://snomed.info/sct|1001,|1002,1003,http://snomed.info/sct|")));
        assertEquals(List.of(new FhirQuery.Token("http://snomed.info/sct", "1001", false),
                new FhirQuery.Token(null, "1002", true), new FhirQuery.Token(null, "1003", false),
                new FhirQuery.Token("http://snomed.info/sct", null, false)), query.codes());
        assertEquals("9434765919", query.patient().nhsNumber());
    }

    @Test
    void unknownParametersAreIgnoredLenientlyAndRefusedStrictly() {
        Map<String, List<String>> parameters = Map.of("patient", List.of("9434765919"), "_include", List.of("x"),
                "_format", List.of("json"));
        assertEquals(List.of("_include"), search(parameters).ignored());
        ProblemException strict = assertThrows(ProblemException.class,
                () -> FhirSearchParameters.search(FhirResourceType.CONDITION, parameters, true));
        assertEquals(List.of("_include"), strict.errors().stream().map(e -> e.field()).toList());
        // Encounter has no category element: the parameter is unknown there
        assertEquals(List.of("category"), FhirSearchParameters.search(FhirResourceType.ENCOUNTER,
                Map.of("patient", List.of("9434765919"), "category", List.of("x")), false).ignored());
    }

    @Test
    void everyBadValueIsNamedInOneAnswer() {
        ProblemException e = assertThrows(ProblemException.class, () -> search(Map.of("date", List.of("sa2024"),
                "_count", List.of("many"), "_sort", List.of("code"), "_cursor", List.of("x"))));
        assertEquals(List.of("patient", "date", "_sort", "_count", "_cursor"),
                e.errors().stream().map(error -> error.field()).toList());
    }

    @Test
    void countIsCappedAndSortAndCursorAreRead() {
        FhirCursor cursor = new FhirCursor(true, Instant.parse("2024-01-01T00:00:00Z"),
                java.util.UUID.fromString("00000000-0000-4000-8000-000000000001"));
        FhirQuery query = search(Map.of("patient", List.of("9434765919"), "_count", List.of("5000"),
                "_sort", List.of("_lastUpdated"), "_cursor", List.of(cursor.encode())));
        assertEquals(FhirSearchParameters.MAX_COUNT, query.count());
        assertEquals(FhirQuery.Sort.UPDATED_ASC, query.sort());
        assertEquals(cursor, query.cursor());
        assertEquals(FhirSearchParameters.DEFAULT_COUNT, search(Map.of("patient", List.of("9434765919"))).count());
    }

    @Test
    void everythingReadsSinceStartEndAndType() {
        FhirQuery query = FhirSearchParameters.everything("9434765919", Map.of("_since",
                List.of("2024-01-01T00:00:00Z"), "start", List.of("2023"), "end", List.of("2023-06"),
                "_type", List.of("Condition,Observation")), false);
        assertEquals(List.of(new FhirQuery.Bound(FhirQuery.Op.GE, Instant.parse("2024-01-01T00:00:00Z"))),
                query.updated());
        assertEquals(List.of(new FhirQuery.Bound(FhirQuery.Op.GE, Instant.parse("2023-01-01T00:00:00Z")),
                new FhirQuery.Bound(FhirQuery.Op.LT, Instant.parse("2023-07-01T00:00:00Z"))), query.effective());
        assertEquals(java.util.Set.of("Condition", "Observation"), query.types());
        assertEquals(true, query.undatedIn());
    }
}
