package org.kmcr.audit.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kmcr.audit.service.CheckpointService;
import org.kmcr.audit.testing.LogCapture;
import org.kmcr.common.testing.KmcrTestEnvironment;
import org.kmcr.common.testing.TestNhsNumbers;
import org.kmcr.common.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(KmcrTestEnvironment.class)
class CheckpointResourceTest {

    static final String PRIVACY_OFFICER = AuditEventResourceTest.PRIVACY_OFFICER;
    static final String CLINICIAN = TestTokens.user("dr", "clinician", "RKM");

    @Test
    void aPrivacyOfficerTakesACheckpointThatAnyoneWithThePublicKeyCanCheck() throws Exception {
        String nhsNumber = TestNhsNumbers.next();
        long appended = AuditEventResourceTest.append(
                AuditEventResourceTest.event(UUID.randomUUID(), nhsNumber, "relationship", null));
        JsonPath checkpoint;
        try (LogCapture log = LogCapture.of(CheckpointService.class)) {
            String location = given().auth().oauth2(PRIVACY_OFFICER).post("/api/audit-checkpoints").then()
                    .statusCode(201).body("sequence", greaterThanOrEqualTo((int) appended + 1))
                    .body("algorithm", equalTo("Ed25519")).body("verified", equalTo(true))
                    .extract().header("Location");
            checkpoint = given().auth().oauth2(PRIVACY_OFFICER).get(location).then().statusCode(200)
                    .extract().jsonPath();

            List<String> lines = log.lines().stream().filter(line -> line.startsWith("Audit checkpoint signed")).toList();
            assertEquals(1, lines.size(), log.lines().toString());
            assertTrue(lines.get(0).contains("sequence=" + checkpoint.getLong("sequence"))
                    && lines.get(0).contains("headHash=" + checkpoint.getString("headHash"))
                    && lines.get(0).contains("signature=" + checkpoint.getString("signature")), lines.get(0));
            assertFalse(lines.get(0).contains(nhsNumber), lines.get(0));
        }

        // the signature covers the documented text and verifies with the published key, outside the service
        long sequence = checkpoint.getLong("sequence");
        String signedText = "kmcr-audit-checkpoint/v2\n" + sequence + "\n" + checkpoint.getString("rootHash")
                + "\n" + checkpoint.getString("headHash") + "\n" + Instant.parse(checkpoint.getString("signedAt"));
        assertEquals(signedText, checkpoint.getString("signedText"));
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(
                new X509EncodedKeySpec(Base64.getDecoder().decode(checkpoint.getString("publicKey")))));
        verifier.update(signedText.getBytes(StandardCharsets.UTF_8));
        assertTrue(verifier.verify(Base64.getDecoder().decode(checkpoint.getString("signature"))));

        // the checkpoint covers the entry of the request that took it, and that entry has the signed hash
        given().auth().oauth2(PRIVACY_OFFICER).get("/api/audit-events/" + sequence).then().statusCode(200)
                .body("action", equalTo("audit.checkpoint")).body("hash", equalTo(checkpoint.getString("headHash")))
                .body("purpose", equalTo("governance"));
    }

    @Test
    void theLatestCheckpointIsTheNewestOneSigned() {
        long first = ChainTamperingTest.takeCheckpoint().getLong("sequence");
        long second = ChainTamperingTest.takeCheckpoint().getLong("sequence");
        assertTrue(second > first);
        given().auth().oauth2(PRIVACY_OFFICER).get("/api/audit-checkpoints/latest").then().statusCode(200)
                .body("sequence", equalTo((int) second)).body("verified", equalTo(true));
    }

    @Test
    void aSequenceWithoutACheckpointIsNotFound() {
        given().auth().oauth2(PRIVACY_OFFICER).get("/api/audit-checkpoints/987654321").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("There is no audit checkpoint of entry 987654321"));
    }

    @Test
    void checkpointsNeedAToken() {
        given().post("/api/audit-checkpoints").then().statusCode(401).contentType("application/problem+json");
        given().get("/api/audit-checkpoints/latest").then().statusCode(401);
        given().get("/api/audit-checkpoints/1").then().statusCode(401);
    }

    @Test
    void checkpointsAreForPrivacyOfficersOnly() {
        for (String token : new String[] {CLINICIAN, TestTokens.service("kmcr-record"),
                TestTokens.patient("mary", TestNhsNumbers.next())}) {
            given().auth().oauth2(token).post("/api/audit-checkpoints").then().statusCode(403)
                    .contentType("application/problem+json");
            given().auth().oauth2(token).get("/api/audit-checkpoints/latest").then().statusCode(403);
            given().auth().oauth2(token).get("/api/audit-checkpoints/1").then().statusCode(403);
        }
    }
}
