package org.kmcr.identity.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.InjectMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.kmcr.common.audit.AuditClient;
import org.kmcr.common.audit.AuditReceipt;
import org.kmcr.common.testing.AuditMocks;
import org.kmcr.common.testing.KmcrTestEnvironment;
import org.kmcr.common.testing.TestNhsNumbers;

/**
 * Whatever the interleaving: a contradicting source gets one pending link and one review, a new person is made of
 * one story (the other waits for review), and a review is decided exactly once.
 */
@QuarkusTest
@QuarkusTestResource(KmcrTestEnvironment.class)
class ConcurrentReviewTest {

    static final int PARALLEL = 8;
    static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URI base;

    @Inject
    Pool pool;

    @InjectMock
    AuditClient audit;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void auditCommits() {
        doReturn(Uni.createFrom().item(new AuditReceipt(UUID.randomUUID(), 1, "hash"))).when(audit).record(any());
        AuditMocks.batchesRecordEachEvent(audit);
    }

    @RepeatedTest(3)
    void parallelResolvesOfAContradictingSourceOpenOneReview() throws Exception {
        String nhsNumber = TestNhsNumbers.next();
        Patients.resolve(Patients.patient(nhsNumber));
        Map<String, Object> stranger = Patients.stranger(nhsNumber);

        List<HttpResponse<String>> answers = inParallel(i -> resolve(stranger));

        assertEquals(Set.of(200), statuses(answers));
        assertEquals(Set.of("pending-review"), distinct(answers, "linkStatus"));
        assertEquals(1, distinct(answers, "reviewId").size());
        UUID sourceIdentityId = UUID.fromString(distinct(answers, "sourceIdentityId").iterator().next());
        assertEquals(1, count("SELECT count(*) FROM identity.identity_link WHERE source_identity_id = $1",
                sourceIdentityId));
        assertEquals(1, count("SELECT count(*) FROM identity.link_review WHERE source_identity_id = $1",
                sourceIdentityId));
    }

    @RepeatedTest(5)
    void aPersonWithNoLinkedSourceIsMadeOfOneStoryWhenTwoArriveAtOnce() throws Exception {
        String nhsNumber = TestNhsNumbers.next();
        // the person exists but is made of nobody: its only source identity corrected its NHS number
        Map<String, Object> mistaken = Patients.patient(nhsNumber);
        Patients.resolve(mistaken);
        mistaken.put("nhsNumber", TestNhsNumbers.next());
        Patients.resolve(mistaken);
        assertEquals(0, Patients.linkedSourceIdentities(nhsNumber).size());
        // even calls: Mary Jones from the PAS; odd calls: a stranger from a GP system; all new source identities
        List<HttpResponse<String>> answers = inParallel(i -> resolve(i % 2 == 0
                ? Patients.patient(nhsNumber) : Patients.stranger(nhsNumber)));

        assertEquals(Set.of(200), statuses(answers));
        Set<String> linkedStories = IntStream.range(0, PARALLEL)
                .filter(i -> "linked".equals(field(answers.get(i), "linkStatus")))
                .mapToObj(i -> i % 2 == 0 ? "mary" : "stranger").collect(Collectors.toSet());
        assertEquals(1, linkedStories.size(), "the person is made of one story");
        long pending = answers.stream().filter(a -> "pending-review".equals(field(a, "linkStatus"))).count();
        assertEquals(PARALLEL / 2, pending, "the other story waits for review, every one of its sources");
        assertEquals(PARALLEL / 2, Patients.linkedSourceIdentities(nhsNumber).size());
    }

    @RepeatedTest(3)
    void parallelDecisionsOnOneReviewDecideItOnce() throws Exception {
        String nhsNumber = TestNhsNumbers.next();
        Patients.resolve(Patients.patient(nhsNumber));
        String review = Patients.resolve(Patients.stranger(nhsNumber)).getString("reviewId");

        List<HttpResponse<String>> answers = inParallel(i -> request("/api/link-reviews/" + review + "/decision",
                Patients.PRIVACY_OFFICER, Map.of("decision", i % 2 == 0 ? "link" : "reject")));

        assertEquals(1, answers.stream().filter(a -> a.statusCode() == 200).count(), bodies(answers));
        assertEquals(PARALLEL - 1, answers.stream().filter(a -> a.statusCode() == 409).count(), bodies(answers));
        String decided = answers.stream().filter(a -> a.statusCode() == 200).map(a -> field(a, "decision"))
                .findFirst().orElseThrow();
        assertEquals(decided.equals("link") ? 2 : 1, Patients.linkedSourceIdentities(nhsNumber).size());
    }

    private HttpRequest resolve(Map<String, Object> patient) {
        return request(Patients.RESOLVE, Patients.INGEST, patient);
    }

    private HttpRequest request(String path, String token, Map<String, Object> body) {
        try {
            return HttpRequest.newBuilder(base.resolve(path))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<HttpResponse<String>> inParallel(IntFunction<HttpRequest> request) {
        List<CompletableFuture<HttpResponse<String>>> calls = IntStream.range(0, PARALLEL)
                .mapToObj(i -> http.sendAsync(request.apply(i), HttpResponse.BodyHandlers.ofString())).toList();
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
        return calls.stream().map(CompletableFuture::join).toList();
    }

    private static Set<Integer> statuses(List<HttpResponse<String>> answers) {
        return answers.stream().map(HttpResponse::statusCode).collect(Collectors.toSet());
    }

    private static Set<String> distinct(List<HttpResponse<String>> answers, String name) {
        return answers.stream().map(a -> field(a, name)).collect(Collectors.toSet());
    }

    private static String field(HttpResponse<String> answer, String name) {
        try {
            JsonNode value = JSON.readTree(answer.body()).get(name);
            return value == null || value.isNull() ? null : value.asText();
        } catch (Exception e) {
            throw new IllegalStateException(answer.body(), e);
        }
    }

    private static String bodies(List<HttpResponse<String>> answers) {
        return answers.stream().map(a -> a.statusCode() + " " + a.body()).collect(Collectors.joining("\n"));
    }

    private long count(String sql, Object parameter) {
        return pool.preparedQuery(sql).execute(Tuple.of(parameter)).await().indefinitely().iterator().next().getLong(0);
    }
}
