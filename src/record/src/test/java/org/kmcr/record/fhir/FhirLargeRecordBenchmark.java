package org.kmcr.record.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kmcr.common.consent.CareCategory;
import org.kmcr.common.consent.ItemRule;
import org.kmcr.common.testing.KmcrTestEnvironment;
import org.kmcr.record.mapping.FhirQuery;
import org.kmcr.record.mapping.FhirSearchParameters;
import org.kmcr.record.mapping.FhirResourceType;
import org.kmcr.record.repository.FhirSearchRepository;

/**
 * Benchmark, not part of {@code ./mvnw verify} (run it by name): one person with {@code kmcr.bench.items} items
 * (default 100,000) in one source identity, then the first page of a Condition search and of {@code $everything}
 * through the API, timed side by side, and the EXPLAIN of the page statement (an index range scan stopped after the
 * page: no sort of the record, no read of all of it). Consent and audit are stubbed here (answering at once): the
 * county-scale benchmark measures them in the path. See docs/benchmarks.md.
 */
@QuarkusTest
@QuarkusTestResource(KmcrTestEnvironment.class)
class FhirLargeRecordBenchmark extends FhirTestBase {

    @Inject
    FhirSearchRepository repository;

    @Test
    void theFirstPageOfAVeryLargeRecordIsReadWithoutReadingTheRecord() {
        int items = Integer.getInteger("kmcr.bench.items", 100_000);
        int rounds = Integer.getInteger("kmcr.bench.rounds", 200);
        at(hospital, "Patient", null, null).store();
        long loadStart = System.nanoTime();
        KmcrTestEnvironment.database().execute("""
                INSERT INTO record.care_item (id, source_identity_id, category, resource_type, status, code_system,
                    code, effective_at, confidentiality, source_org, source_system, source_id, source_version,
                    content_hash, received_at, updated_at, version, resource)
                SELECT gen_random_uuid(), '%s', c.category, c.type, 'active', 'http://snomed.info/sct', (1000 + i %% 50)::text,
                    timestamptz '2000-01-01' + i * interval '1 hour', CASE WHEN i %% 97 = 0 THEN 'R' END, 'RKM',
                    'partner-rkm', 'bench-' || i, '1', 'h', now(), now(), 1,
                    jsonb_build_object('resourceType', c.type, 'status', 'active', 'subject',
                        jsonb_build_object('reference', 'Patient/p1'), 'code', jsonb_build_object('coding',
                        jsonb_build_array(jsonb_build_object('system', 'http://snomed.info/sct', 'code', (1000 + i %% 50)::text))))
                FROM generate_series(1, %d) i
                CROSS JOIN LATERAL (SELECT CASE i %% 4 WHEN 0 THEN 'Condition' WHEN 1 THEN 'Observation'
                    WHEN 2 THEN 'MedicationStatement' ELSE 'Encounter' END AS type,
                    CASE i %% 4 WHEN 0 THEN 'conditions' WHEN 1 THEN 'results' WHEN 2 THEN 'medications'
                    ELSE 'encounters' END AS category) c""".formatted(hospital, items));
        KmcrTestEnvironment.database().execute("ANALYZE record.care_item");
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        decides(permit(List.of(CareCategory.values()), List.of(rule("restricted", ItemRule.Treatment.WITHHOLD, "R")),
                List.of()));

        String search = BASE + "/Condition?" + patientParameter() + "&_count=50";
        String everything = BASE + "/Patient/" + nhsNumber + "/$everything?_count=50";
        JsonPath first = SearchPages.page(search);
        assertEquals(50, first.getList("entry.findAll { it.search.mode == 'match' }").size());
        int conditions = items / 4;
        assertEquals(conditions - (int) java.util.stream.IntStream.rangeClosed(1, items)
                .filter(i -> i % 4 == 0 && i % 97 == 0).count(), first.getInt("total"));
        List<Long> searchTimes = new ArrayList<>();
        List<Long> everythingTimes = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            searchTimes.add(time(search));
            everythingTimes.add(time(everything));
        }
        FhirQuery query = FhirSearchParameters.search(FhirResourceType.CONDITION, java.util.Map.of(
                "patient", List.of(nhsNumber), "_count", List.of("50")), false);
        String plan = repository.explainPage(List.of(hospital), query, permit(List.of(CareCategory.values()),
                List.of(rule("restricted", ItemRule.Treatment.WITHHOLD, "R")), List.of()))
                .await().indefinitely();
        System.out.printf("%nFHIR large record: %d items loaded in %.1f s; %d rounds each, first page of 50%n",
                items, loadSeconds, rounds);
        System.out.println("  Condition search: " + summary(searchTimes));
        System.out.println("  $everything:      " + summary(everythingTimes));
        System.out.println("  EXPLAIN of the page statement:\n" + plan);
        assertTrue(plan.contains("Index Scan using care_item_fhir_by_type"), plan);
        assertFalse(plan.contains("Sort"), plan);
    }

    private static long time(String path) {
        long start = System.nanoTime();
        as(CLINICIAN).get(path).then().statusCode(200);
        return System.nanoTime() - start;
    }

    static String summary(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return String.format("median %.1f ms, p95 %.1f ms, p99 %.1f ms", ms(sorted, 0.50), ms(sorted, 0.95),
                ms(sorted, 0.99));
    }

    private static double ms(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
    }
}
