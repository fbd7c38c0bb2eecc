package org.kmcr.audit.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kmcr.audit.model.AuditEntry;
import org.kmcr.audit.service.CheckpointSigner;
import org.kmcr.audit.testing.AttackerSql;
import org.kmcr.common.testing.KmcrTestEnvironment;
import org.kmcr.common.testing.TestNhsNumbers;

/**
 * The attacks of issue 5 item 8, done as someone with superuser access to the database would, each against a
 * log protected by signed checkpoints; every test puts the tables back afterwards and proves the log verifies
 * again.
 */
@QuarkusTest
@QuarkusTestResource(KmcrTestEnvironment.class)
class ChainTamperingTest {

    static final String PRIVACY_OFFICER = AuditEventResourceTest.PRIVACY_OFFICER;

    @Test
    void deletingTheNewestEntriesIsReportedAgainstTheLatestCheckpoint() {
        appendEvent();
        long firstDeleted = appendEvent();
        appendEvent();
        JsonPath checkpoint = takeCheckpoint();
        long covered = checkpoint.getLong("sequence");
        verification().body("valid", equalTo(true)).body("latestCheckpointSequence", equalTo((int) covered));

        try (AttackerSql.Snapshot kept = AttackerSql.snapshot()) {
            AttackerSql.deleteFrom(firstDeleted);

            verification().body("valid", equalTo(false))
                    .body("firstBrokenSequence", equalTo((int) firstDeleted))
                    .body("lastSuspectSequence", equalTo((int) covered))
                    .body("problem", equalTo("entries " + firstDeleted + " to " + covered
                            + " are missing; the signed checkpoint of " + checkpoint.getString("signedAt")
                            + " covers " + covered))
                    .body("findings[0].kind", equalTo("entries-missing"));
            // the service will not sign the shortened log
            given().auth().oauth2(PRIVACY_OFFICER).post("/api/audit-checkpoints").then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("detail", containsString("The audit chain does not extend the signed checkpoint of "
                            + checkpoint.getString("signedAt") + " (entry " + covered + ")"));
        }
        verification().body("valid", equalTo(true));
    }

    @Test
    void editingAnEntryAndRecomputingEveryLaterHashIsLocatedBetweenTwoCheckpoints() {
        appendEvent();
        long stillGood = takeCheckpoint().getLong("sequence");
        long edited = appendEvent();
        appendEvent();
        long firstBad = takeCheckpoint().getLong("sequence");

        try (AttackerSql.Snapshot kept = AttackerSql.snapshot()) {
            List<AuditEntry> tail = tailFrom(edited);
            tail.get(0).actorOrg = "XXX";
            AttackerSql.rewriteFrom(edited, tail);

            verification().body("valid", equalTo(false))
                    .body("firstBrokenSequence", equalTo((int) stillGood + 1))
                    .body("lastSuspectSequence", equalTo((int) firstBad))
                    .body("problem", containsString("entries " + (stillGood + 1) + " to " + firstBad
                            + " were rewritten: entry " + firstBad + " no longer has the hash signed"))
                    .body("findings.kind", equalTo(List.of("rewritten")));
        }
        verification().body("valid", equalTo(true));
    }

    @Test
    void insertingAnEntryIsLocatedBetweenTwoCheckpoints() {
        appendEvent();
        long stillGood = takeCheckpoint().getLong("sequence");
        appendEvent();
        long firstBad = takeCheckpoint().getLong("sequence");

        try (AttackerSql.Snapshot kept = AttackerSql.snapshot()) {
            List<AuditEntry> tail = tailFrom(stillGood + 1);
            AuditEntry forged = AttackerSql.chain().stream().filter(e -> e.sequence == stillGood + 1).findFirst()
                    .orElseThrow();
            forged.eventId = UUID.randomUUID();
            forged.actorName = "Someone Else";
            tail.add(0, forged);
            AttackerSql.rewriteFrom(stillGood + 1, tail);

            verification().body("valid", equalTo(false))
                    .body("firstBrokenSequence", equalTo((int) stillGood + 1))
                    .body("lastSuspectSequence", equalTo((int) firstBad))
                    .body("findings.kind", equalTo(List.of("rewritten")));
        }
        verification().body("valid", equalTo(true));
    }

    @Test
    void editingAnEntryWithoutRecomputingNamesTheExactEntryEvenUnderACheckpoint() {
        long edited = appendEvent();
        appendEvent();
        takeCheckpoint();

        try (AttackerSql.Snapshot kept = AttackerSql.snapshot()) {
            KmcrTestEnvironment.database().execute(
                    "UPDATE audit.audit_entry SET actor_name = 'Nobody' WHERE sequence = " + edited);

            verification().body("valid", equalTo(false))
                    .body("firstBrokenSequence", equalTo((int) edited))
                    .body("lastSuspectSequence", equalTo((int) edited))
                    .body("findings.kind", equalTo(List.of("chain-broken")));
        }
        verification().body("valid", equalTo(true));
    }

    @Test
    void aForgedCheckpointRowIsReported() throws Exception {
        appendEvent();
        JsonPath genuine = takeCheckpoint();
        long head = genuine.getLong("sequence");
        String headHash = genuine.getString("headHash");
        String rootHash = genuine.getString("rootHash");
        Instant at = Instant.parse(genuine.getString("signedAt")).plusSeconds(1);

        try (AttackerSql.Snapshot kept = AttackerSql.snapshot()) {
            // a row claiming the service's key, signed with another one; and one with no real signature at all
            AttackerSql.insertCheckpoint(head + 1000, rootHash, headHash, at, genuine.getString("keyId"),
                    signWithAnotherKey(CheckpointSigner.signedText(head + 1000, rootHash, headHash, at)));
            AttackerSql.insertCheckpoint(head + 2000, rootHash, headHash, at, "0123456789abcdef",
                    Base64.getEncoder().encodeToString(new byte[64]));

            verification().body("valid", equalTo(false))
                    .body("firstBrokenSequence", nullValue())
                    .body("findings.kind", equalTo(List.of("checkpoint-forged", "checkpoint-forged")))
                    .body("findings.checkpointSequence", equalTo(List.of((int) head + 1000, (int) head + 2000)))
                    .body("findings[0].problem", containsString("was not signed by the audit service: its "
                            + "signature does not verify with key " + genuine.getString("keyId")))
                    .body("findings[1].problem", containsString("names key 0123456789abcdef, which is not a "
                            + "configured checkpoint key"))
                    .body("latestCheckpointSequence", equalTo((int) head));
            given().auth().oauth2(PRIVACY_OFFICER).post("/api/audit-checkpoints").then().statusCode(409)
                    .body("detail", containsString("cannot be trusted"));
            given().auth().oauth2(PRIVACY_OFFICER).get("/api/audit-checkpoints/" + (head + 1000)).then()
                    .statusCode(200).body("verified", equalTo(false));
        }
        verification().body("valid", equalTo(true));
    }

    @Test
    void aCheckpointDeletedFromTheDatabaseIsNoticedByTheServiceThatSignedIt() {
        appendEvent();
        long deleted = takeCheckpoint().getLong("sequence");

        try (AttackerSql.Snapshot kept = AttackerSql.snapshot()) {
            AttackerSql.deleteCheckpoint(deleted);

            verification().body("valid", equalTo(false))
                    .body("findings.kind", hasItem("checkpoint-missing"))
                    .body("findings.find { it.kind == 'checkpoint-missing' }.checkpointSequence",
                            equalTo((int) deleted));
        }
        verification().body("valid", equalTo(true));
    }

    static long appendEvent() {
        return AuditEventResourceTest.append(
                AuditEventResourceTest.event(UUID.randomUUID(), TestNhsNumbers.next(), "relationship", null));
    }

    static JsonPath takeCheckpoint() {
        return given().auth().oauth2(PRIVACY_OFFICER).post("/api/audit-checkpoints").then().statusCode(201)
                .extract().jsonPath();
    }

    /** A checkpoint taken now; null when the service refuses to sign (409) because the log was tampered with. */
    static JsonPath takeCheckpointOrConflict() {
        io.restassured.response.Response answer = given().auth().oauth2(PRIVACY_OFFICER).post("/api/audit-checkpoints");
        return answer.statusCode() == 409 ? null : answer.then().statusCode(201).extract().jsonPath();
    }

    static ValidatableResponse verification() {
        return given().auth().oauth2(PRIVACY_OFFICER).get("/api/audit-verification").then().statusCode(200);
    }

    private static List<AuditEntry> tailFrom(long sequence) {
        return new ArrayList<>(AttackerSql.chain().stream().filter(e -> e.sequence >= sequence).toList());
    }

    private static String signWithAnotherKey(String text) throws Exception {
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(other.getPrivate());
        signer.update(text.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(signer.sign());
    }
}
