package org.kmcr.record.analytics;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doReturn;

import io.quarkus.test.InjectMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.Uni;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.kmcr.common.analytics.Breakdown;
import org.kmcr.common.analytics.MeasureKind;
import org.kmcr.common.audit.AuditClient;
import org.kmcr.common.audit.AuditEvent;
import org.kmcr.common.audit.AuditReceipt;
import org.kmcr.common.consent.AccessDecision;
import org.kmcr.common.consent.Basis;
import org.kmcr.common.consent.CareCategory;
import org.kmcr.common.consent.ConsentClient;
import org.kmcr.common.consent.Effect;
import org.kmcr.common.consent.Obligation;
import org.kmcr.common.consent.OptOutClient;
import org.kmcr.common.consent.OptOutExclusions;
import org.kmcr.common.testing.KmcrTestEnvironment;
import org.kmcr.common.testing.TestTokens;
import org.kmcr.record.repository.AnalyticsRepository;

/**
 * Benchmark, not part of {@code ./mvnw verify} (run it by name): {@code kmcr.bench.persons} people (default
 * 200,000) in districts KM1-KM10 with about 2 SARS-CoV-2 results each over 26 weeks, 1% in hospital, stored in
 * record.care_item in set-based INSERTs with the analytics trigger firing on every row (as ingest's writes do); 2%
 * of them on the opt-out list. Then the dashboard's queries through the HTTP API, {@code kmcr.bench.rounds} rounds
 * each (default 30), and freshness: 50 new results committed, then how long until a query shows them. Consent and
 * audit are stubbed (they answer at once). Consent's opt-out list is read as in production (kept a minute: the test
 * profile's PT0S would read and digest it for every query), stored in the record schema and put in force once, by
 * the first query (timed on its own);
 * {@code kmcr.bench.national-opt-out} makes the list that long (default: just the 2%), the rest NHS numbers of
 * people outside the county. After the rounds it prints the plan of
 * the 26-week table (EXPLAIN ANALYZE of the statement record runs, with the same work_mem).
 */
@QuarkusTest
@QuarkusTestResource(KmcrTestEnvironment.class)
@TestProfile(AnalyticsBenchmark.ProductionOptOutCache.class)
class AnalyticsBenchmark {

    /** The opt-out list kept for the production default (application.properties), not the tests' PT0S. */
    public static class ProductionOptOutCache implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kmcr.record.analytics-opt-out-cache", "PT1M");
        }
    }

    static final String ANALYST = TestTokens.user("an", "analyst", "QKM");

    @InjectMock
    ConsentClient consent;
    @InjectMock
    AuditClient audit;
    @InjectMock
    OptOutClient optOut;

    @Test
    void dashboardQueriesOverACountyAndFreshness() {
        int persons = Integer.getInteger("kmcr.bench.persons", 200_000);
        int rounds = Integer.getInteger("kmcr.bench.rounds", 30);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        doReturn(Uni.createFrom().item(new AccessDecision(Effect.PERMIT, Basis.SECONDARY_USE, null, null, "bench",
                List.of(CareCategory.values()), List.of(), List.of(), List.of(Obligation.AUDIT_DISCLOSURE), null)))
                .when(consent).decide(any());
        doAnswer(call -> Uni.createFrom().item(new AuditReceipt(call.getArgument(0, AuditEvent.class).id(), 1, "h")))
                .when(audit).record(any());

        long start = System.nanoTime();
        KmcrTestEnvironment.database().execute("""
                INSERT INTO record.care_item (id, source_identity_id, category, resource_type, status, source_org,
                    source_system, source_id, source_version, content_hash, received_at, updated_at, version, resource)
                SELECT gen_random_uuid(), ('00000000-0000-4000-8000-' || lpad(i::text, 12, '0'))::uuid, 'demographics',
                    'Patient', 'active', 'RKM', 'bench', 'p-' || i, '1', 'h', now(), now(), 1,
                    jsonb_build_object('resourceType', 'Patient', 'identifier', jsonb_build_array(jsonb_build_object(
                        'system', 'https://fhir.nhs.uk/Id/nhs-number', 'value', (8000000000 + i)::text)),
                        'gender', CASE WHEN i %% 2 = 0 THEN 'female' ELSE 'male' END,
                        'birthDate', to_char(date '1930-01-01' + (i * 37 %% 34000), 'YYYY-MM-DD'),
                        'address', jsonb_build_array(jsonb_build_object('use', 'home', 'postalCode',
                            'KM' || (1 + i %% 10) || ' ' || (1 + i %% 9) || 'AB')))
                FROM generate_series(1, %d) i""".formatted(persons));
        double patientsSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        int tests = persons * 2;
        KmcrTestEnvironment.database().execute("""
                INSERT INTO record.care_item (id, source_identity_id, category, resource_type, status, code_system,
                    code, effective_at, source_org, source_system, source_id, source_version, content_hash,
                    received_at, updated_at, version, resource)
                SELECT gen_random_uuid(), ('00000000-0000-4000-8000-' || lpad((1 + (j::bigint * 7919) %% %d)::text, 12, '0'))::uuid,
                    'infection-status', 'Observation', 'final', 'http://snomed.info/sct',
                    CASE WHEN j %% 10 < 3 THEN '1240581000000104' ELSE '1240591000000102' END,
                    now() - ((j * 31) %% (26 * 7)) * interval '1 day', 'RKM', 'bench', 't-' || j, '1', 'h', now(),
                    now(), 1, '{"resourceType":"Observation","status":"final"}'::jsonb
                FROM generate_series(1, %d) j""".formatted(persons, tests));
        KmcrTestEnvironment.database().execute("""
                INSERT INTO record.care_item (id, source_identity_id, category, resource_type, status, code_system,
                    code, effective_at, source_org, source_system, source_id, source_version, content_hash,
                    received_at, updated_at, version, resource)
                SELECT gen_random_uuid(), ('00000000-0000-4000-8000-' || lpad((i * 100)::text, 12, '0'))::uuid,
                    'encounters', 'Encounter', 'in-progress', 'http://terminology.hl7.org/CodeSystem/v3-ActCode', 'IMP',
                    now() - (i %% 9) * interval '1 day', CASE WHEN i %% 3 = 0 THEN 'RKM' ELSE 'RKN' END, 'bench',
                    'e-' || i, '1', 'h', now(), now(), 1, '{"resourceType":"Encounter"}'::jsonb
                FROM generate_series(1, %d) i""".formatted(persons / 100));
        double testsSeconds = (System.nanoTime() - start) / 1e9;
        KmcrTestEnvironment.database().execute("ANALYZE record.care_item; ANALYZE record.analytics_event; "
                + "ANALYZE record.analytics_person");

        List<String> optedOut = new ArrayList<>();
        for (int i = 1; i <= persons; i += 50) {
            optedOut.add(String.valueOf(8000000000L + i));
        }
        int county = optedOut.size();
        for (long i = 0, n = Integer.getInteger("kmcr.bench.national-opt-out", 0) - county; i < n; i++) {
            optedOut.add(String.valueOf(9000000000L + i));
        }
        doReturn(Uni.createFrom().item(new OptOutExclusions(today, null, optedOut))).when(optOut).exclusions();

        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("covid-positive by week (12 weeks)", "/covid-positive?by=week");
        queries.put("covid-positive by district", "/covid-positive?by=district");
        queries.put("covid-positive by age band", "/covid-positive?by=age-band");
        queries.put("covid-positive by sex", "/covid-positive?by=sex");
        queries.put("covid-tested by district", "/covid-tested?by=district");
        queries.put("covid-positive hot spots", "/covid-positive/hot-spots");
        queries.put("inpatients by site", "/inpatients?by=site");
        queries.put("covid-tested by week, 26 weeks, CSV", "/covid-tested?by=week&format=csv&from="
                + today.minusWeeks(26));
        long firstStart = System.nanoTime();
        given().auth().oauth2(ANALYST).get("/api/analytics/measures/covid-positive?by=district").then().statusCode(200);
        double firstSeconds = (System.nanoTime() - firstStart) / 1e9;
        for (String path : queries.values()) {
            given().auth().oauth2(ANALYST).get("/api/analytics/measures" + path).then().statusCode(200);
        }
        Map<String, List<Long>> times = new LinkedHashMap<>();
        queries.keySet().forEach(name -> times.put(name, new ArrayList<>()));
        List<Long> dashboard = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            long all = 0;
            for (Map.Entry<String, String> query : queries.entrySet()) {
                long t0 = System.nanoTime();
                given().auth().oauth2(ANALYST).get("/api/analytics/measures" + query.getValue()).then().statusCode(200);
                long took = System.nanoTime() - t0;
                times.get(query.getKey()).add(took);
                all += took;
            }
            dashboard.add(all);
        }

        // freshness: 50 people's results committed (the trigger in the same transaction), then the first query
        KmcrTestEnvironment.database().execute("""
                INSERT INTO record.care_item (id, source_identity_id, category, resource_type, status, source_org,
                    source_system, source_id, source_version, content_hash, received_at, updated_at, version, resource)
                SELECT gen_random_uuid(), ('10000000-0000-4000-8000-' || lpad(i::text, 12, '0'))::uuid, 'demographics',
                    'Patient', 'active', 'RKM', 'bench', 'fresh-p-' || i, '1', 'h', now(), now(), 1,
                    jsonb_build_object('resourceType', 'Patient', 'address', jsonb_build_array(jsonb_build_object(
                        'postalCode', 'ZZ9 1AB')))
                FROM generate_series(1, 50) i""");
        long committed = System.nanoTime();
        KmcrTestEnvironment.database().execute("""
                INSERT INTO record.care_item (id, source_identity_id, category, resource_type, status, code_system,
                    code, effective_at, source_org, source_system, source_id, source_version, content_hash,
                    received_at, updated_at, version, resource)
                SELECT gen_random_uuid(), ('10000000-0000-4000-8000-' || lpad(i::text, 12, '0'))::uuid,
                    'infection-status', 'Observation', 'final', 'http://snomed.info/sct', '1240581000000104', now(),
                    'RKM', 'bench', 'fresh-t-' || i, '1', 'h', now(), now(), 1, '{"resourceType":"Observation"}'::jsonb
                FROM generate_series(1, 50) i""");
        List<Map<String, Object>> cells = given().auth().oauth2(ANALYST)
                .get("/api/analytics/measures/covid-positive?by=district").then().statusCode(200).extract().path("cells");
        double freshSeconds = (System.nanoTime() - committed) / 1e9;
        String fresh = cells.stream().filter(c -> "ZZ9".equals(c.get("group"))).map(c -> (String) c.get("value"))
                .findFirst().orElse("absent");
        assertEquals("50", fresh, "the new results are in the first query after their commit");

        StringBuilder report = new StringBuilder("\n=== Analytics benchmark: " + persons + " people, " + tests
                + " test results, " + persons / 100 + " inpatient stays, " + county + " of them opted out on a list of "
                + optedOut.size() + " ===\n");
        report.append(String.format("first query, storing the opt-out list: %.2f s%n", firstSeconds));
        report.append(String.format("load with the trigger: patients %.1f s (%.0f rows/s), results and stays %.1f s "
                + "(%.0f rows/s)%n", patientsSeconds, persons / patientsSeconds, testsSeconds,
                (tests + persons / 100) / testsSeconds));
        report.append("| query | median | p95 | p99 | max |\n|---|---|---|---|---|\n");
        times.forEach((name, list) -> report.append(row(name, list)));
        report.append(row("the whole dashboard (all of the above, one after another)", dashboard));
        report.append(String.format("freshness: 50 new positive results committed -> shown in %.2f s (first query)%n",
                freshSeconds));
        report.append("plan of the 26-week table:\n").append(plan(today.minusWeeks(26), today));
        System.out.println(report);
        Long p95 = percentile(times.get("covid-positive by district"), 95);
        assertTrue(p95 > 0);
    }

    /** EXPLAIN ANALYZE of the 26-week table's statement as record's role, with the same work_mem. */
    static String plan(LocalDate from, LocalDate to) {
        String sql = AnalyticsRepository.countSql(MeasureKind.EVENT, Breakdown.WEEK);
        try (Connection record = KmcrTestEnvironment.database().connectAs("kmcr_record");
                Statement statement = record.createStatement()) {
            statement.execute("SET work_mem = '" + ConfigProvider.getConfig().getValue(
                    "kmcr.record.analytics-work-mem", String.class) + "'");
            statement.execute("PREPARE tested (text, date, date) AS " + sql);
            StringBuilder plan = new StringBuilder();
            try (ResultSet rows = statement.executeQuery("EXPLAIN (ANALYZE, BUFFERS) EXECUTE tested('covid-tested', '"
                    + from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) + "', '"
                    + to.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY)) + "')")) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
            return plan.toString();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String row(String name, List<Long> nanos) {
        return String.format("| %s | %d ms | %d ms | %d ms | %d ms |%n", name, percentile(nanos, 50) / 1_000_000,
                percentile(nanos, 95) / 1_000_000, percentile(nanos, 99) / 1_000_000,
                Collections.max(nanos) / 1_000_000);
    }

    static long percentile(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
