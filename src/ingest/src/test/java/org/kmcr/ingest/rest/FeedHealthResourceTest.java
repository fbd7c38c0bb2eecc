package org.kmcr.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.InjectMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.kmcr.common.audit.AuditClient;
import org.kmcr.common.consent.ConsentClient;
import org.kmcr.common.identity.IdentityClient;
import org.kmcr.common.testing.KmcrTestEnvironment;
import org.kmcr.common.testing.TestNhsNumbers;
import org.kmcr.common.testing.TestTokens;
import org.kmcr.ingest.Neighbours;
import org.kmcr.ingest.TestBundles;

/** Feed health per source: what was accepted and rejected, and what waits, as partners and officers see it. */
@QuarkusTest
@QuarkusTestResource(KmcrTestEnvironment.class)
class FeedHealthResourceTest {

    static final String LAB = TestTokens.partner("partner-rkl-lab", "RKL");
    static final String OTHER = TestTokens.partner("partner-rkz-pas", "RKZ");

    @InjectMock
    IdentityClient identity;
    @InjectMock
    ConsentClient consent;
    @InjectMock
    AuditClient audit;

    @Test
    void eachSourceSeesItsAcceptedRejectedAndWaitingMessages() {
        Neighbours.answer(identity, consent, audit);
        String nhs = TestNhsNumbers.next();
        String good = "MSH|^~\\&|LAB|RKL|KMCR|KMCR|20260501100000||ADT^A08|fh-1|P|2.4\rEVN|A08|20260501100000\r"
                + "PID|1||L1^^^RKL^MR~" + nhs + "^^^NHS^NH||Lab^Lee||19700101|M\r";
        given().auth().oauth2(LAB).body(good.getBytes(StandardCharsets.UTF_8)).post("/api/hl7v2/messages").then().statusCode(200);
        given().auth().oauth2(LAB).body(good.replace("fh-1", "fh-2").replace("PID|1||L1^^^RKL^MR~" + nhs, "PID|1||L1^^^RKL^MR~" + TestBundles.withWrongCheckDigit(nhs))
                .getBytes(StandardCharsets.UTF_8)).post("/api/hl7v2/messages").then().statusCode(422);
        given().auth().oauth2(LAB).contentType("application/fhir+json")
                .body(TestBundles.summary(TestNhsNumbers.next(), TestBundles.newPatientId())).post("/fhir/r4").then()
                .statusCode(200);
        given().auth().oauth2(OTHER).contentType("application/fhir+json")
                .body(TestBundles.summary(TestNhsNumbers.next(), TestBundles.newPatientId())).post("/fhir/r4").then()
                .statusCode(200);

        given().auth().oauth2(LAB).get("/api/feed-health").then().statusCode(200)
                .body("sourceOrg", everyItem(equalTo("RKL")))
                .body("find { it.feed == 'hl7v2' }.acceptedLastHour", equalTo(1))
                .body("find { it.feed == 'hl7v2' }.acceptedLastDay", equalTo(1))
                .body("find { it.feed == 'hl7v2' }.rejectedLastHour", equalTo(1))
                .body("find { it.feed == 'hl7v2' }.deadLettersWaiting", equalTo(1))
                .body("find { it.feed == 'hl7v2' }.oldestUnprocessedAt", notNullValue())
                .body("find { it.feed == 'hl7v2' }.lastMessageAt", notNullValue())
                .body("find { it.feed == 'fhir' }.acceptedLastHour", equalTo(1))
                .body("find { it.feed == 'fhir' }.deadLettersWaiting", equalTo(0));
        given().auth().oauth2(TestTokens.user("po", "privacy-officer", "QKM")).get("/api/feed-health").then()
                .statusCode(200).body("sourceOrg", hasItems("RKL", "RKZ"));
        given().auth().oauth2(TestTokens.user("dr", "clinician", "RKL")).get("/api/feed-health").then().statusCode(403);
        given().get("/api/feed-health").then().statusCode(401);
    }
}
