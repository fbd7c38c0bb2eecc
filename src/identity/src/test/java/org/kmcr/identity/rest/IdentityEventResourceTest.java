package org.kmcr.identity.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;

import io.quarkus.test.InjectMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kmcr.common.audit.AuditClient;
import org.kmcr.common.audit.AuditReceipt;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.common.testing.AuditMocks;
import org.kmcr.common.testing.KmcrTestEnvironment;
import org.kmcr.common.testing.TestNhsNumbers;
import org.kmcr.common.testing.TestTokens;

/** The ordered, cursor-paged feed of link changes that other services follow. */
@QuarkusTest
@QuarkusTestResource(KmcrTestEnvironment.class)
class IdentityEventResourceTest {

    static final String EVENTS = "/api/identity-events";

    @InjectMock
    AuditClient audit;

    @Inject
    Pool pool;

    @BeforeEach
    void auditCommits() {
        doReturn(Uni.createFrom().item(new AuditReceipt(UUID.randomUUID(), 1, "hash"))).when(audit).record(any());
        AuditMocks.batchesRecordEachEvent(audit);
    }

    /** Pages through the feed from the cursor to its end, {@code limit} at a time. */
    static List<Map<String, Object>> eventsAfter(long cursor, int limit) {
        List<Map<String, Object>> all = new ArrayList<>();
        long next = cursor;
        while (true) {
            JsonPath page = given().auth().oauth2(Patients.RECORD).queryParam("after", next)
                    .queryParam("limit", limit).get(EVENTS).then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> events = page.getList("events");
            if (events.isEmpty()) {
                assertEquals(next, page.getLong("next"), "an empty page keeps the cursor");
                return all;
            }
            all.addAll(events);
            next = page.getLong("next");
        }
    }

    static long end() {
        List<Map<String, Object>> events = eventsAfter(0, 500);
        return events.isEmpty() ? 0 : ((Number) events.get(events.size() - 1).get("position")).longValue();
    }

    @Test
    void onlyServiceClientsThatReadIdentitiesMayFollowTheFeed() {
        given().get(EVENTS).then().statusCode(401);
        given().auth().oauth2(Patients.PRIVACY_OFFICER).get(EVENTS).then().statusCode(403);
        given().auth().oauth2(TestTokens.user("dr", "clinician", "RKM")).get(EVENTS).then().statusCode(403);
        given().auth().oauth2(Patients.INGEST).get(EVENTS).then().statusCode(403);
        given().auth().oauth2(Patients.RECORD).get(EVENTS).then().statusCode(200).contentType(ContentType.JSON);
        given().auth().oauth2(Patients.RECORD).queryParam("limit", 0).get(EVENTS).then().statusCode(400);
        given().auth().oauth2(Patients.RECORD).queryParam("after", -1).get(EVENTS).then().statusCode(400);
    }

    @Test
    void aLinkAMergeAndItsUnmergeAppearInOrderOnceEachWithNoDemographics() {
        long cursor = end();
        JsonPath survivor = Patients.resolve(Patients.patient(TestNhsNumbers.next()));
        JsonPath merged = Patients.resolve(Patients.patient(TestNhsNumbers.next()));
        String mergedPerson = merged.getString("personId");
        String survivingPerson = survivor.getString("personId");
        String mergeId = given().auth().oauth2(Patients.PRIVACY_OFFICER).contentType(ContentType.JSON)
                .body(Map.of("into", survivingPerson, "reason", "one woman registered twice"))
                .post("/api/persons/" + mergedPerson + "/merge").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Patients.PRIVACY_OFFICER).post("/api/person-merges/" + mergeId + "/unmerge")
                .then().statusCode(200);

        List<Map<String, Object>> events = eventsAfter(cursor, 1).stream()
                .filter(e -> Set.of(survivingPerson, mergedPerson).contains(e.get("personId"))).toList();
        List<String> story = events.stream().map(e -> e.get("type") + " " + (e.get("personId")
                .equals(mergedPerson) ? "merged-person" : "survivor")).toList();
        assertEquals(8, story.size(), story.toString());
        assertEquals(List.of("linked survivor", "linked merged-person"), story.subList(0, 2));
        // within one transaction (the merge, the unmerge) the statements' order is Hibernate's: compared as sets
        assertEquals(Set.of("merged merged-person", "unlinked merged-person", "linked survivor"),
                Set.copyOf(story.subList(2, 5)), story.toString());
        assertEquals(Set.of("unmerged merged-person", "unlinked survivor", "linked merged-person"),
                Set.copyOf(story.subList(5, 8)), story.toString());
        Map<String, Object> first = events.get(0);
        assertEquals(survivor.getString("sourceIdentityId"), first.get("sourceIdentityId"));
        assertTrue(first.keySet().stream().noneMatch(k -> k.contains("family") || k.contains("given")
                || k.contains("birth") || k.contains("nhs")), "no demographics in an event: " + first.keySet());
        Set<Object> ids = new HashSet<>();
        long previous = cursor;
        for (Map<String, Object> event : eventsAfter(cursor, 1)) {
            long position = ((Number) event.get("position")).longValue();
            assertTrue(position > previous, "positions increase");
            previous = position;
            assertTrue(ids.add(event.get("eventId")), "each event once");
        }
        assertEquals(mergeId, events.stream().filter(e -> "merged".equals(e.get("type"))).findFirst().orElseThrow()
                .get("mergeId"));
        assertEquals(survivingPerson, events.stream().filter(e -> "merged".equals(e.get("type"))).findFirst()
                .orElseThrow().get("otherPersonId"));
    }

    @Test
    void aMergeWhileAuditIsDownCommitsOnceWithItsEventsAndItsAuditEventWaitsInTheOutbox() {
        long cursor = end();
        String survivor = Patients.resolve(Patients.patient(TestNhsNumbers.next())).getString("personId");
        String merged = Patients.resolve(Patients.patient(TestNhsNumbers.next())).getString("personId");
        doReturn(Uni.createFrom().failure(ProblemException.unavailable("audit is unavailable: nothing was disclosed")))
                .when(audit).record(any());
        given().auth().oauth2(Patients.PRIVACY_OFFICER).contentType(ContentType.JSON)
                .body(Map.of("into", survivor, "reason", "one woman registered twice"))
                .post("/api/persons/" + merged + "/merge").then().statusCode(201);
        given().auth().oauth2(Patients.PRIVACY_OFFICER).contentType(ContentType.JSON)
                .body(Map.of("into", survivor, "reason", "one woman registered twice"))
                .post("/api/persons/" + merged + "/merge").then().statusCode(409);

        List<String> after = types(eventsAfter(cursor, 100), survivor, merged);
        assertEquals(1, after.stream().filter("merged"::equals).count(), after.toString());
        assertEquals(5, after.size(), after.toString());
        assertEquals(1L, pool.preparedQuery("SELECT count(*) FROM identity.audit_outbox WHERE "
                + "event->>'action' = 'identity.person-merge' AND event->>'subjectPersonId' = $1")
                .execute(Tuple.of(survivor)).await().indefinitely().iterator().next().getLong(0),
                "the merge's audit event waits for audit, committed with the merge");
    }

    private static List<String> types(List<Map<String, Object>> events, String... persons) {
        return events.stream().filter(e -> Set.of(persons).contains(e.get("personId")))
                .map(e -> (String) e.get("type")).toList();
    }
}
