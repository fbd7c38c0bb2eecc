package org.kmcr.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.verify;

import io.quarkus.test.InjectMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kmcr.common.audit.AuditClient;
import org.kmcr.common.consent.ConsentClient;
import org.kmcr.common.identity.IdentityClient;
import org.kmcr.common.identity.SourceIdentityIds;
import org.kmcr.common.identity.SourcePatient;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.common.testing.KmcrTestEnvironment;
import org.kmcr.common.testing.TestNhsNumbers;
import org.kmcr.ingest.TestBundles;
import org.kmcr.common.testing.TestTokens;
import org.kmcr.ingest.Neighbours;

/** Social care extracts from a local authority: uploaded, loaded while the sender watches, reported row by row. */
@QuarkusTest
@QuarkusTestResource(KmcrTestEnvironment.class)
class BulkResourceTest {

    static final String COUNCIL = TestTokens.partner("partner-kmla1-cases", "KMLA1");
    static final String HEADER = "row_type,record_id,person_id,updated_at,nhs_number,family,given,birth_date,gender,"
            + "postcode,service,start_date,end_date,team_code,team_name,worker_id,worker_name,description,contact_name,"
            + "contact_relationship,contact_phone,status";

    @InjectMock
    IdentityClient identity;
    @InjectMock
    ConsentClient consent;
    @InjectMock
    AuditClient audit;
    @Inject
    Pool pool;

    @BeforeEach
    void neighbours() {
        Neighbours.answer(identity, consent, audit);
    }

    private static String person() {
        return "LA-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Posts an extract and waits for its job to finish; answers the finished job. */
    static JsonPath load(String token, String contentType, byte[] body, Duration patience) {
        String location = given().auth().oauth2(token).contentType(contentType).body(body)
                .post("/api/bulk/social-care").then().statusCode(202)
                .body("state", equalTo("queued")).extract().header("Location");
        Instant until = Instant.now().plus(patience);
        while (true) {
            JsonPath job = given().auth().oauth2(token).get(location).then().statusCode(200).extract().jsonPath();
            String state = job.getString("state");
            if (state.equals("completed") || state.equals("failed")) {
                return job;
            }
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("The job did not finish in " + patience + ": " + job.prettify());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private Map<String, String> stored(String personId) {
        Map<String, String> byType = new HashMap<>();
        for (Row row : pool.preparedQuery("SELECT resource_type, category, source_id FROM record.care_item "
                        + "WHERE source_identity_id = $1")
                .execute(Tuple.of(SourceIdentityIds.of("KMLA1", "partner-kmla1-cases", personId)))
                .await().atMost(Duration.ofSeconds(10))) {
            byType.put(row.getString("source_id"), row.getString("resource_type") + " " + row.getString("category"));
        }
        return byType;
    }

    @Test
    void aCsvExtractIsLoadedMappedAndReportedRowByRow() {
        String child = person();
        String adult = person();
        String nhs = TestNhsNumbers.next();
        String invalid = TestBundles.withWrongCheckDigit(nhs);
        String csv = HEADER + "\r\n"
                + "case," + child + "-c,"  + child + ",2026-05-01T10:00:00Z," + nhs + ",Ball,Ada,2015-03-01,female,"
                + "KM1 2AB,children,2026-01-10,,CIN2,Children in need 2,W9,Sam Worker,,,,,\r\n"
                + "looked-after," + child + "-la," + child + ",2026-05-01T10:00:00Z," + nhs + ",Ball,Ada,2015-03-01,"
                + "female,KM1 2AB,children,2026-02-01,,,,,,,,,,\r\n"
                + "child-protection-plan," + child + "-cpp," + child + ",2026-05-01T10:00:00Z," + nhs + ",,,,,,children,"
                + "2026-02-03,,,,,,,,,,\r\n"
                + "care-package," + adult + "-cp," + adult + ",2026-05-02T09:00:00+01:00,,Cole,Bea,1940-07-07,female,"
                + "KM3 4CD,adults,2026-03-01,,,,,,\"Two visits a day, \"\"morning\"\" and evening\",,,,\r\n"
                + "carer," + adult + "-carer," + adult + ",2026-05-02T09:00:00Z,,Cole,Bea,1940-07-07,,,,,,,,,,,Dan Cole,son,"
                + "07700 900123,\r\n"
                + "case,bad-1," + person() + ",2026-05-01T10:00:00Z," + invalid + ",,,,,,adults,2026-01-01,,,,,,,,,,\r\n"
                + "case,bad-2,,2026-05-01,,,,,,,pensioners,,,,,,,,,,,\r\n"
                + "carer,x,y,z,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20\r\n";

        JsonPath job = load(COUNCIL, "text/csv", csv.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(60));

        assertEquals("completed", job.getString("state"), job.prettify());
        assertEquals(8, job.getLong("rowsRead"));
        assertEquals(5, job.getLong("rowsAccepted"));
        assertEquals(3, job.getLong("rowsRejected"));
        assertEquals(Map.of(child, "Patient demographics", child + "-c", "EpisodeOfCare social-care",
                child + "-la", "Flag safeguarding", child + "-cpp", "Flag safeguarding"), stored(child));
        assertEquals(Map.of(adult, "Patient demographics", adult + "-cp", "CarePlan social-care",
                adult + "-carer", "RelatedPerson contacts"), stored(adult));
        verify(consent).assertRelationship(argThat(a -> a.kind().equals("social-care-allocation")
                && a.orgCode().equals("KMLA1") && a.assertedBy().orgCode().equals("KMLA1")
                && a.startedOn().toString().equals("2026-01-10") && a.endsOn() == null));
        verify(identity, atLeastOnce()).resolve(argThat(p -> p.localId().equals(adult) && p.nhsNumber() == null
                && "Cole".equals(p.demographics().family())));

        String rows = job.getString("rows");
        given().auth().oauth2(COUNCIL).queryParam("outcome", "rejected").get(rows).then().statusCode(200)
                .body("rowNumber", equalTo(List.of(6, 7, 8)))
                .body("[0].recordId", equalTo("bad-1"))
                .body("[0].error", startsWith("nhs_number: "))
                .body("[1].error", equalTo("person_id: is required; updated_at: must be a date and time with its "
                        + "offset (ISO 8601, e.g. 2026-05-01T10:00:00Z), not '2026-05-01'; start_date: is required "
                        + "for a case row; service: must be adults or children for a case row"))
                .body("[2].error", equalTo("The row has 24 fields but the header names 22 columns"))
                .body("[2].deadLetterId", notNullValue());
        given().auth().oauth2(COUNCIL).queryParam("size", 2).queryParam("after", 1).get(rows).then().statusCode(200)
                .body("rowNumber", equalTo(List.of(2, 3))).body("outcome", equalTo(List.of("accepted", "accepted")));

        String unreadable = given().auth().oauth2(COUNCIL).queryParam("outcome", "rejected").get(rows).then()
                .extract().path("[2].deadLetterId");
        given().auth().oauth2(COUNCIL).get("/api/dead-letters/" + unreadable).then().statusCode(200)
                .body("contentType", equalTo("text/csv")).body("payload", startsWith(HEADER + "\r\ncarer,x,y"));
        given().auth().oauth2(COUNCIL).get("/api/feed-health").then().statusCode(200)
                .body("find { it.feed == 'social-care-bulk' }.rejectedLastHour", equalTo(3));

        given().auth().oauth2(TestTokens.partner("partner-rkm-pas", "RKM")).get(job.getString("rows")).then()
                .statusCode(404);
    }

    @Test
    void aRowWhosePersonCouldNotBeResolvedIsKeptAndReplayed() {
        AtomicBoolean identityDown = new AtomicBoolean(true);
        doAnswer(call -> {
            SourcePatient patient = call.getArgument(0, SourcePatient.class);
            if (identityDown.get() && "Down".equals(patient.demographics().family())) {
                return Uni.createFrom().failure(ProblemException.unavailable("The identity service is unavailable"));
            }
            return Uni.createFrom().item(new org.kmcr.common.identity.ResolvedIdentity(SourceIdentityIds.of(
                    patient.sourceOrg(), patient.sourceSystem(), patient.localId()), UUID.randomUUID(), null,
                    "new-person"));
        }).when(identity).resolve(any());
        String down = person();
        String fine = person();
        String lines = "{\"row_type\":\"case\",\"record_id\":\"" + down + "-c\",\"person_id\":\"" + down
                + "\",\"updated_at\":\"2026-05-01T10:00:00Z\",\"family\":\"Down\",\"birth_date\":\"1950-01-01\",\"service\":\"adults\","
                + "\"start_date\":\"2026-04-01\",\"team_code\":\"AD1\"}\n"
                + "{\"row_type\":\"carer\",\"record_id\":\"" + fine + "-k\",\"person_id\":\"" + fine
                + "\",\"updated_at\":\"2026-05-01T10:00:00Z\",\"family\":\"Fine\",\"birth_date\":\"1951-02-02\",\"contact_name\":\"Kim\"}\n";

        JsonPath job = load(COUNCIL, "application/x-ndjson", lines.getBytes(StandardCharsets.UTF_8),
                Duration.ofSeconds(60));

        assertEquals(1, job.getLong("rowsAccepted"), job.prettify());
        assertEquals(1, job.getLong("rowsRejected"));
        JsonPath rejected = given().auth().oauth2(COUNCIL).queryParam("outcome", "rejected").get(job.getString("rows"))
                .then().statusCode(200).extract().jsonPath();
        assertTrue(rejected.getString("[0].error").contains("The identity service is unavailable"),
                rejected.prettify());
        String letter = rejected.getString("[0].deadLetterId");
        given().auth().oauth2(COUNCIL).get("/api/dead-letters/" + letter).then().statusCode(200)
                .body("status", equalTo(503)).body("contentType", equalTo("application/x-ndjson"));

        identityDown.set(false);
        given().auth().oauth2(COUNCIL).post("/api/dead-letters/" + letter + "/replay").then().statusCode(200)
                .body("outcome", equalTo("accepted")).body("recordId", equalTo(down + "-c"));
        given().auth().oauth2(COUNCIL).get("/api/dead-letters/" + letter).then().body("state", equalTo("replayed"));
        verify(consent).assertRelationship(argThat(a -> a.kind().equals("social-care-allocation")
                && a.startedOn().toString().equals("2026-04-01")));
        assertEquals(Map.of(down, "Patient demographics", down + "-c", "EpisodeOfCare social-care"), stored(down));
    }

    @Test
    void onlyPartnerSystemsInTheAgreementMayUpload() {
        byte[] csv = (HEADER + "\n").getBytes(StandardCharsets.UTF_8);
        given().contentType("text/csv").body(csv).post("/api/bulk/social-care").then().statusCode(401);
        given().auth().oauth2(TestTokens.user("sw", "social-worker", "KMLA1")).contentType("text/csv").body(csv)
                .post("/api/bulk/social-care").then().statusCode(403);
        doAnswer(call -> Uni.createFrom().item(new org.kmcr.common.consent.SharingPartner(call.getArgument(0),
                "Partner", "local-authority", false))).when(consent).sharingPartner(any());
        given().auth().oauth2(COUNCIL).contentType("text/csv").body(csv).post("/api/bulk/social-care").then()
                .statusCode(403).body("detail", endsWith("whose joint controllers' agreement is in force"));
        given().auth().oauth2(COUNCIL).contentType("application/json").body("{}").post("/api/bulk/social-care")
                .then().statusCode(415);
        given().auth().oauth2(COUNCIL).get("/api/bulk/social-care/jobs/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void otherEndpointsKeepTheirOwnBodyLimit() {
        byte[] big = new byte[21 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) ' ');
        given().auth().oauth2(COUNCIL).contentType("application/fhir+json").body(big).post("/fhir/r4").then()
                .statusCode(413);
    }
}
