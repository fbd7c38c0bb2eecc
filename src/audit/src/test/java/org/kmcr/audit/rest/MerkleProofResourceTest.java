package org.kmcr.audit.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.kmcr.audit.model.AuditEntry;
import org.kmcr.audit.testing.AttackerSql;
import org.kmcr.auditverifier.AuditExport;
import org.kmcr.auditverifier.ConsistencyProof;
import org.kmcr.auditverifier.InclusionProof;
import org.kmcr.auditverifier.SignedCheckpoint;
import org.kmcr.auditverifier.VerifierCommand;
import org.kmcr.common.testing.KmcrTestEnvironment;

/**
 * Inclusion and consistency proofs and the export, from the running service, checked by the stand-alone verifier
 * (the same command an IG lead runs) against signed checkpoints; forged proofs and a tampered log are refused.
 */
@QuarkusTest
@QuarkusTestResource(KmcrTestEnvironment.class)
class MerkleProofResourceTest {

    static final String PRIVACY_OFFICER = AuditEventResourceTest.PRIVACY_OFFICER;

    @Test
    void inclusionAndConsistencyProofsVerifyAgainstSignedCheckpointsAndForgedOnesFail() throws Exception {
        long entry = ChainTamperingTest.appendEvent();
        SignedCheckpoint older = checkpoint(ChainTamperingTest.takeCheckpoint());
        ChainTamperingTest.appendEvent();
        ChainTamperingTest.appendEvent();
        SignedCheckpoint newer = checkpoint(ChainTamperingTest.takeCheckpoint());

        InclusionProof inclusion = given().auth().oauth2(PRIVACY_OFFICER).queryParam("sequence", entry)
                .queryParam("treeSize", newer.treeSize()).get("/api/audit-proofs/inclusion").then().statusCode(200)
                .body("rootHash", equalTo(newer.rootHash())).extract().as(InclusionProof.class);
        assertEquals(0, verifier("inclusion", write(inclusion), "--checkpoint", write(newer)), output);
        InclusionProof forged = new InclusionProof(inclusion.sequence(), inclusion.treeSize(), inclusion.entryHash(),
                flipped(inclusion.path()), inclusion.rootHash());
        assertEquals(1, verifier("inclusion", write(forged), "--checkpoint", write(newer)), output);
        InclusionProof otherEntry = new InclusionProof(inclusion.sequence(), inclusion.treeSize(), "ab".repeat(32),
                inclusion.path(), inclusion.rootHash());
        assertEquals(1, verifier("inclusion", write(otherEntry), "--checkpoint", write(newer)), output);

        ConsistencyProof consistency = given().auth().oauth2(PRIVACY_OFFICER).queryParam("from", older.treeSize())
                .queryParam("to", newer.treeSize()).get("/api/audit-proofs/consistency").then().statusCode(200)
                .extract().as(ConsistencyProof.class);
        assertEquals(0, verifier("consistency", write(consistency), "--from", write(older), "--to", write(newer)),
                output);
        ConsistencyProof forgedConsistency = new ConsistencyProof(consistency.fromSize(), consistency.toSize(),
                flipped(consistency.proof()), consistency.fromRoot(), consistency.toRoot());
        assertEquals(1, verifier("consistency", write(forgedConsistency), "--from", write(older), "--to",
                write(newer)), output);
        assertTrue(output.contains("is not an extension of the log of " + older.treeSize()), output);

        // proofs are governance reads: each one is itself in the log
        given().auth().oauth2(PRIVACY_OFFICER).get("/api/audit-events/" + (newer.treeSize() + 1)).then()
                .statusCode(200).body("action", equalTo("audit.proof.read"));
        given().auth().oauth2(PRIVACY_OFFICER).queryParam("sequence", 1).queryParam("treeSize", 999_999_999)
                .get("/api/audit-proofs/inclusion").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(PRIVACY_OFFICER).queryParam("sequence", 5).queryParam("treeSize", 4)
                .get("/api/audit-proofs/inclusion").then().statusCode(400);
        given().auth().oauth2(AuditEventResourceTest.SERVICE).queryParam("from", 1).queryParam("to", 2)
                .get("/api/audit-proofs/consistency").then().statusCode(403);
        given().queryParam("from", 1).queryParam("to", 2).get("/api/audit-proofs/consistency").then().statusCode(401);
    }

    @Test
    void theExportVerifiesAndEachTamperingIsLocatedByTheStandAloneVerifier() throws Exception {
        ChainTamperingTest.appendEvent();
        long stillGood = ChainTamperingTest.takeCheckpoint().getLong("sequence");
        long edited = ChainTamperingTest.appendEvent();
        ChainTamperingTest.appendEvent();
        SignedCheckpoint covering = checkpoint(ChainTamperingTest.takeCheckpoint());

        assertEquals(0, verifier("log", export()), output);
        assertTrue(output.contains("VERIFIED"), output);

        try (AttackerSql.Snapshot kept = AttackerSql.snapshot()) {
            // one field changed in place
            KmcrTestEnvironment.database().execute(
                    "UPDATE audit.audit_entry SET actor_org = 'XXXXX' WHERE sequence = " + edited);
            assertEquals(1, verifier("log", export()), output);
            assertTrue(output.contains("entry-changed at entry " + edited + ":"), output);
        }
        try (AttackerSql.Snapshot kept = AttackerSql.snapshot()) {
            // entry changed, every later hash and the tree recomputed
            List<AuditEntry> tail = new ArrayList<>(AttackerSql.chain().stream().filter(e -> e.sequence >= edited)
                    .toList());
            tail.get(0).actorName = "Nobody";
            AttackerSql.rewriteFrom(edited, tail);
            AttackerSql.rebuildTree();
            assertEquals(1, verifier("log", export()), output);
            assertTrue(output.contains("rewritten at entries " + (stillGood + 1) + " to " + covering.treeSize()),
                    output);

            // the service refuses to sign the rewritten log, and its own consistency proof fails against the
            // checkpoint kept from before
            assertNull(ChainTamperingTest.takeCheckpointOrConflict(), "no checkpoint of a rewritten log");
            ConsistencyProof proof = given().auth().oauth2(PRIVACY_OFFICER).queryParam("from", covering.treeSize())
                    .queryParam("to", covering.treeSize() + 2).get("/api/audit-proofs/consistency").then()
                    .statusCode(200).extract().as(ConsistencyProof.class);
            assertFalse(proof.links(covering.rootHash(), proof.toRoot()), "the rewritten log is not an extension");
        }
        try (AttackerSql.Snapshot kept = AttackerSql.snapshot()) {
            // the tail cut off, checkpoints too: the checkpoint kept outside the database finds it
            Path keptOutside = write(covering);
            KmcrTestEnvironment.database().execute("DELETE FROM audit.audit_entry WHERE sequence >= " + edited
                    + "; DELETE FROM audit.checkpoint WHERE sequence >= " + edited);
            assertEquals(1, verifier("log", export(), "--checkpoint", keptOutside), output);
            // (the export's own audit entry took the place of the first deleted entry)
            assertTrue(output.contains("tail-truncated at entries " + (edited + 1) + " to " + covering.treeSize()),
                    output);
        }
        assertEquals(0, verifier("log", export()), output);
    }

    @Test
    void theRuntimeRoleCanNeitherChangeNorDeleteTreeNodes() throws Exception {
        ChainTamperingTest.appendEvent();
        ChainTamperingTest.appendEvent();
        try (var audit = KmcrTestEnvironment.database().connectAs("kmcr_audit"); var st = audit.createStatement()) {
            for (String sql : List.of("UPDATE audit.merkle_node SET hash = hash", "DELETE FROM audit.merkle_node",
                    "UPDATE audit.audit_entry SET actor_org = 'X'", "DELETE FROM audit.audit_entry",
                    "UPDATE audit.checkpoint SET signature = ''", "DELETE FROM audit.checkpoint",
                    "TRUNCATE audit.merkle_node")) {
                java.sql.SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(
                        java.sql.SQLException.class, () -> st.execute(sql), sql);
                assertTrue(refused.getMessage().contains("permission denied"), refused.getMessage());
            }
        }
    }

    private String output = "";

    private int verifier(String command, Path file, Object... options) {
        List<String> args = new ArrayList<>(List.of(command, file.toString()));
        for (Object option : options) {
            args.add(option.toString());
        }
        args.add("--public-key");
        args.add(ConfigProvider.getConfig().getValue("kmcr.audit.checkpoint.public-key", String.class));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = VerifierCommand.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        output = out.toString(StandardCharsets.UTF_8);
        return status;
    }

    private static Path export() throws IOException {
        String lines = given().auth().oauth2(PRIVACY_OFFICER).get("/api/audit-export").then().statusCode(200)
                .contentType(AuditExport.MEDIA_TYPE).extract().asString();
        Path file = Files.createTempFile("audit-export", ".ndjson");
        Files.writeString(file, lines);
        return file;
    }

    private static Path write(Object value) throws IOException {
        Path file = Files.createTempFile("audit", ".json");
        AuditExport.JSON.writeValue(file.toFile(), value);
        return file;
    }

    static SignedCheckpoint checkpoint(JsonPath published) {
        return published == null ? null : AuditExport.JSON.convertValue(published.getMap(""), SignedCheckpoint.class);
    }

    private static List<String> flipped(List<String> hashes) {
        List<String> forged = new ArrayList<>(hashes);
        String last = forged.get(forged.size() - 1);
        forged.set(forged.size() - 1, (last.charAt(0) == '0' ? "1" : "0") + last.substring(1));
        return forged;
    }
}
