package org.kmcr.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.quarkus.test.InjectMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.kmcr.common.audit.AuditClient;
import org.kmcr.common.consent.ConsentClient;
import org.kmcr.common.identity.IdentityClient;
import org.kmcr.common.testing.KmcrTestEnvironment;
import org.kmcr.common.testing.TestTokens;
import org.kmcr.ingest.Neighbours;

/**
 * A council's whole extract, 100,000 rows (25,000 people, four rows each), loaded end to end through the API into the
 * real database: every row stored, each person resolved once, progress visible while it runs.
 */
@QuarkusTest
@QuarkusTestResource(KmcrTestEnvironment.class)
class BulkLoadTest {

    static final int PEOPLE = 25_000;
    static final String TOKEN = TestTokens.partner("partner-kmla9-cases", "KMLA9");

    @InjectMock
    IdentityClient identity;
    @InjectMock
    ConsentClient consent;
    @InjectMock
    AuditClient audit;
    @Inject
    Pool pool;

    @Test
    void aHundredThousandRowFileLoadsEndToEnd() throws IOException {
        Neighbours.answer(identity, consent, audit);
        Path file = Files.createTempFile("kmcr-bulk-test-", ".csv");
        try {
            write(file);
            String location = given().auth().oauth2(TOKEN).contentType("text/csv").body(file.toFile())
                    .post("/api/bulk/social-care").then().statusCode(202).extract().header("Location");

            boolean progressSeen = false;
            Instant until = Instant.now().plus(Duration.ofMinutes(30));
            JsonPath job;
            while (true) {
                job = given().auth().oauth2(TOKEN).get(location).then().statusCode(200).extract().jsonPath();
                long read = job.getLong("rowsRead");
                progressSeen |= job.getString("state").equals("running") && read > 0 && read < 4L * PEOPLE;
                if (!job.getString("state").equals("running") && !job.getString("state").equals("queued")) {
                    break;
                }
                assertTrue(Instant.now().isBefore(until), "not finished in 30 minutes (a guard against a hang, not a timing): " + job.prettify());
                sleep();
            }

            assertEquals("completed", job.getString("state"), job.prettify());
            assertEquals(4L * PEOPLE, job.getLong("rowsRead"));
            assertEquals(4L * PEOPLE, job.getLong("rowsAccepted"));
            assertEquals(0, job.getLong("rowsRejected"));
            assertTrue(progressSeen, "the job's counts grew while it ran");
            long items = pool.preparedQuery("SELECT count(*) FROM record.care_item WHERE source_org = $1")
                    .execute(Tuple.of("KMLA9")).await().atMost(Duration.ofSeconds(30)).iterator().next().getLong(0);
            assertEquals(5L * PEOPLE, items, "each person's Patient and the four records");
            verify(identity, times(PEOPLE)).resolve(any());
            verify(consent, times(PEOPLE)).assertRelationship(any());
            assertEquals(4L * PEOPLE, given().auth().oauth2(TOKEN).queryParam("after", 4L * PEOPLE - 1)
                    .get(job.getString("rows")).then().statusCode(200).extract().jsonPath().getLong("[0].rowNumber"));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void write(Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("row_type,record_id,person_id,updated_at,family,given,birth_date,gender,postcode,service,"
                    + "start_date,team_code,team_name,worker_id,worker_name,description,contact_name\n");
            for (int i = 0; i < PEOPLE; i++) {
                String person = "P" + i;
                String who = ",2026-05-01T10:00:00Z,Family" + i + ",Given,2012-01-" + (10 + i % 18) + ",female,KM"
                        + (i % 9) + " 1AB,children,2026-01-02";
                out.write("case," + person + "-case," + person + who + ",CIN" + (i % 12) + ",Children in need,W"
                        + (i % 300) + ",Worker " + (i % 300) + ",,\n");
                out.write("looked-after," + person + "-la," + person + who + ",,,,,,\n");
                out.write("care-package," + person + "-cp," + person + who + ",,,,,\"Respite, weekends\",\n");
                out.write("carer," + person + "-carer," + person + who + ",,,,,,Carer " + i + "\n");
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
