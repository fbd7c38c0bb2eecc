package org.kmcr.record.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.mockito.InjectSpy;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kmcr.common.record.RecordSummary;
import org.kmcr.common.record.TimelinePage;
import org.kmcr.common.testing.KmcrTestEnvironment;
import org.kmcr.common.testing.TestTokens;
import org.kmcr.record.model.ItemQuery;
import org.kmcr.record.model.Position;
import org.kmcr.record.model.TimelineType;
import org.kmcr.record.repository.RecentItemRepository;
import org.kmcr.recordmodel.model.CareItem;

/**
 * A person with 100,000 items: the summary and the timeline read a bounded number of rows, each an index range scan,
 * whatever the size of the record (rows and statements are counted, not time).
 */
@QuarkusTest
@QuarkusTestResource(KmcrTestEnvironment.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LargeRecordTest extends MockedNeighbours {

    static final int ITEMS = 100_000;
    static final String CLINICIAN = TestTokens.user("dr.reed", "clinician", "RKM");

    @InjectSpy
    RecentItemRepository repository;
    @Inject
    Pool pool;
    @Inject
    ObjectMapper json;

    UUID identity = UUID.randomUUID();
    final List<Integer> rowsPerStatement = new ArrayList<>();

    @BeforeAll
    void aHundredThousandItems() {
        // ten categories in turn, one hour apart, generated in the database in one statement
        KmcrTestEnvironment.database().execute("""
                INSERT INTO record.care_item (id, source_identity_id, category, resource_type, status, code_system,
                    code, display, effective_at, source_org, source_system, source_id, source_version, content_hash,
                    recorded_at, received_at, updated_at, version, resource)
                SELECT gen_random_uuid(), '%s', k.category, k.type, 'active', k.system, k.code, 'Item ' || n,
                    timestamptz '2000-01-01' + n * interval '1 hour', 'RKM', 'partner-rkm', 'big-' || n, '1', 'h',
                    now(), now(), now(), 1, jsonb_build_object('resourceType', k.type)
                FROM generate_series(1, %d) AS n CROSS JOIN LATERAL (SELECT
                    (ARRAY['results', 'results', 'results', 'encounters', 'encounters', 'medications', 'conditions',
                           'documents', 'immunisations', 'alerts'])[1 + n %% 10] AS category) c
                CROSS JOIN LATERAL (SELECT c.category,
                    CASE c.category WHEN 'results' THEN 'Observation' WHEN 'encounters' THEN 'Encounter'
                        WHEN 'medications' THEN 'MedicationStatement' WHEN 'conditions' THEN 'Condition'
                        WHEN 'documents' THEN 'DocumentReference' WHEN 'immunisations' THEN 'Immunization'
                        ELSE 'Flag' END AS type,
                    CASE c.category WHEN 'encounters' THEN 'http://terminology.hl7.org/CodeSystem/v3-ActCode'
                        ELSE 'http://snomed.info/sct' END AS system,
                    CASE c.category WHEN 'encounters' THEN (ARRAY['EMER', 'IMP', 'AMB'])[1 + n %% 3]
                        ELSE (n %% 50000)::text END AS code) k""".formatted(identity, ITEMS));
        KmcrTestEnvironment.database().execute("ANALYZE record.care_item");
    }

    @BeforeEach
    @SuppressWarnings("unchecked")
    void countTheRowsEachStatementFetches() {
        rowsPerStatement.clear();
        doAnswer(call -> ((Uni<List<CareItem>>) call.callRealMethod()).invoke(rows -> rowsPerStatement.add(rows.size())))
                .when(repository).perCategory(any());
        doAnswer(call -> ((Uni<List<CareItem>>) call.callRealMethod()).invoke(rows -> rowsPerStatement.add(rows.size())))
                .when(repository).merged(any());
    }

    @Test
    void theSummaryShowsTheMostRecentOfEachCategoryFromOneBoundedStatement() {
        String nhsNumber = person(identity);
        permits(EVERY_CATEGORY, List.of());
        RecordSummary summary = given().auth().oauth2(CLINICIAN).get("/api/records/" + nhsNumber + "/summary").then()
                .statusCode(200).extract().as(RecordSummary.class);
        for (String category : List.of("results", "encounters", "medications", "conditions", "documents",
                "immunisations", "alerts")) {
            assertEquals(50, summary.categories().get(category).size(), category);
            assertTrue(summary.extents().get(category).more(), category);
        }
        assertFalse(summary.extents().get("referrals").more());
        assertEquals("Item " + ITEMS, summary.categories().get("results").get(0).display());
        // one statement, at most 51 rows for each of the 18 bounded categories
        assertEquals(1, rowsPerStatement.size(), rowsPerStatement.toString());
        assertTrue(rowsPerStatement.get(0) <= 18 * 51, rowsPerStatement.toString());
    }

    @Test
    void theFhirSummaryReadsTheSameBoundedWindowNotTheWholeRecord() {
        String nhsNumber = person(identity);
        permits(EVERY_CATEGORY, List.of());
        given().urlEncodingEnabled(false).auth().oauth2(CLINICIAN)
                .queryParam("identifier", "https://fhir.nhs.uk/Id/nhs-number%7C" + nhsNumber)
                .get(RecordResourceTest.FHIR_SUMMARY).then()
                .statusCode(200).body("resourceType", equalTo("Bundle"))
                .body("entry", hasSize(7 * 50));
        assertEquals(1, rowsPerStatement.size(), rowsPerStatement.toString());
        assertTrue(rowsPerStatement.get(0) <= 18 * 51, rowsPerStatement.toString());
    }

    @Test
    void theTimelinePagesRecentFirstReadingOneRowMoreThanAPage() {
        String nhsNumber = person(identity);
        permits(EVERY_CATEGORY, List.of());
        TimelinePage first = given().auth().oauth2(CLINICIAN).get("/api/records/" + nhsNumber + "/timeline?limit=20")
                .then().statusCode(200).extract().as(TimelinePage.class);
        assertEquals(20, first.entries().size());
        TimelinePage second = given().auth().oauth2(CLINICIAN)
                .get("/api/records/" + nhsNumber + "/timeline?limit=20&cursor=" + first.nextCursor())
                .then().statusCode(200).extract().as(TimelinePage.class);
        assertTrue(second.entries().get(0).start().isBefore(first.entries().get(19).start()));
        assertEquals(List.of(21, 21), rowsPerStatement);
    }

    @Test
    void bothStatementsAreIndexRangeScansThatStopAtTheirLimit() {
        ItemQuery summary = ItemQuery.of(List.of(identity, UUID.randomUUID()), List.of("results", "encounters"),
                Position.FIRST, 51);
        // each (identity, category) scan stops at the window: 2 identities x 2 categories x 51
        assertBounded(RecentItemRepository.PER_CATEGORY, summary, 2 * 2 * 51);
        ItemQuery timeline = new ItemQuery(List.of(identity), TimelineType.CATEGORIES, TimelineType.RESOURCE_TYPES,
                List.of(), null, Position.FIRST, 21);
        assertBounded(RecentItemRepository.MERGED, timeline, 3 * 21);
        ItemQuery deep = timeline.after(new Position(java.time.Instant.parse("2005-01-01T00:00:00Z"),
                new UUID(-1L, -1L)));
        assertBounded(RecentItemRepository.MERGED, deep, 3 * 21);
    }

    private void assertBounded(String sql, ItemQuery query, int maxRows) {
        String plan = pool.preparedQuery("EXPLAIN (ANALYZE, FORMAT JSON) " + sql)
                .execute(RecentItemRepository.parameters(query)).await().indefinitely()
                .iterator().next().getValue(0).toString();
        List<JsonNode> scans = new ArrayList<>();
        try {
            collect(json.readTree(plan).get(0).get("Plan"), scans);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertFalse(scans.isEmpty(), plan);
        long rows = 0;
        long loops = 0;
        for (JsonNode scan : scans) {
            assertTrue(scan.path("Node Type").asText().startsWith("Index"), plan);
            assertEquals("care_item_recent_first", scan.path("Index Name").asText(), plan);
            // rows a scan returned and rows it read only to throw away
            rows += (scan.path("Actual Rows").asLong() + scan.path("Rows Removed by Filter").asLong())
                    * scan.path("Actual Loops").asLong();
            loops += scan.path("Actual Loops").asLong();
        }
        // EXPLAIN rounds the rows per loop: allow one per loop
        assertTrue(rows <= maxRows + loops, "rows read from care_item: " + rows + "\n" + plan);
    }

    private static void collect(JsonNode node, List<JsonNode> scans) {
        if ("care_item".equals(node.path("Relation Name").asText())) {
            scans.add(node);
        }
        node.path("Plans").forEach(child -> collect(child, scans));
    }
}
