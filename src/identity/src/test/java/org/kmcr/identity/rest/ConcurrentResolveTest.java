package org.kmcr.identity.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.RepeatedTest;
import org.kmcr.common.testing.KmcrTestEnvironment;
import org.kmcr.common.testing.TestNhsNumbers;

/**
 * Ingest resolves in parallel (bursts of GP extracts, retries): whatever the interleaving, one NHS number is
 * one person and one source identity has one active link.
 */
@QuarkusTest
@QuarkusTestResource(KmcrTestEnvironment.class)
class ConcurrentResolveTest {

    static final int PARALLEL = 8;
    static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource(Patients.RESOLVE)
    URI resolve;

    @Inject
    Pool pool;

    final HttpClient http = HttpClient.newHttpClient();

    @RepeatedTest(3)
    void parallelResolvesOfANewNhsNumberFromManySourcesMakeOnePerson() throws Exception {
        String nhsNumber = TestNhsNumbers.next();
        List<JsonNode> answers = resolveInParallel(
                i -> Patients.patient("RKM", "partner-rkm-pas", "PAS-" + nhsNumber + "-" + i, nhsNumber));

        assertEquals(1, distinct(answers, "personId").size());
        assertEquals(PARALLEL, distinct(answers, "sourceIdentityId").size());
        assertEquals(1, count("SELECT count(*) FROM identity.person WHERE nhs_number = $1", nhsNumber));
        given().auth().oauth2(Patients.RECORD).queryParam("nhsNumber", nhsNumber)
                .get("/api/persons").then().statusCode(200).body("sourceIdentities", hasSize(PARALLEL));
    }

    @RepeatedTest(3)
    void parallelResolvesOfOneSourcePatientMakeOneSourceIdentityWithOneLink() throws Exception {
        String nhsNumber = TestNhsNumbers.next();
        Map<String, Object> patient = Patients.patient(nhsNumber);
        List<JsonNode> answers = resolveInParallel(i -> patient);

        assertEquals(1, distinct(answers, "personId").size());
        assertEquals(1, distinct(answers, "sourceIdentityId").size());
        assertEquals(1, count("SELECT count(*) FROM identity.source_identity WHERE local_id = $1",
                patient.get("localId")));
        assertEquals(1, count("SELECT count(*) FROM identity.identity_link l JOIN identity.source_identity s"
                + " ON s.id = l.source_identity_id WHERE s.local_id = $1", patient.get("localId")));
    }

    @RepeatedTest(3)
    void parallelResolvesWithACorrectedNhsNumberRelinkOnce() throws Exception {
        String wrong = TestNhsNumbers.next();
        String corrected = TestNhsNumbers.next();
        Map<String, Object> patient = Patients.patient(wrong);
        String sourceIdentityId = Patients.resolve(patient).getString("sourceIdentityId");
        // the corrected number's person exists already, so nothing but the source identity orders the calls
        String personId = Patients.resolve(Patients.patient(corrected)).getString("personId");
        patient.put("nhsNumber", corrected);
        List<JsonNode> answers = resolveInParallel(i -> patient);

        assertEquals(Set.of(personId), distinct(answers, "personId"));
        assertEquals(Set.of(sourceIdentityId), distinct(answers, "sourceIdentityId"));
        String links = "SELECT count(*) FROM identity.identity_link WHERE source_identity_id = $1";
        assertEquals(2, count(links, UUID.fromString(sourceIdentityId)));
        assertEquals(1, count(links + " AND state = 'active'", UUID.fromString(sourceIdentityId)));
    }

    private List<JsonNode> resolveInParallel(IntFunction<Map<String, Object>> patient) throws Exception {
        List<CompletableFuture<HttpResponse<String>>> calls = IntStream.range(0, PARALLEL)
                .mapToObj(i -> http.sendAsync(request(patient.apply(i)), HttpResponse.BodyHandlers.ofString()))
                .toList();
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
        List<JsonNode> answers = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            HttpResponse<String> response = call.join();
            assertEquals(200, response.statusCode(), response.body());
            answers.add(JSON.readTree(response.body()));
        }
        return answers;
    }

    private HttpRequest request(Map<String, Object> patient) {
        try {
            return HttpRequest.newBuilder(resolve)
                    .header("Authorization", "Bearer " + Patients.INGEST)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(patient)))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> distinct(List<JsonNode> answers, String field) {
        return answers.stream().map(a -> a.get(field).asText()).collect(Collectors.toSet());
    }

    private long count(String sql, Object parameter) {
        return pool.preparedQuery(sql).execute(Tuple.of(parameter)).await().indefinitely().iterator().next().getLong(0);
    }
}
