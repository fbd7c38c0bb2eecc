package org.kmcr.audit.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.health.api.HealthGroup;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;
import org.kmcr.audit.health.TreeIntegrityCheck;
import org.kmcr.audit.model.AuditEntry;
import org.kmcr.audit.testing.AttackerSql;
import org.kmcr.common.testing.KmcrTestEnvironment;
import org.kmcr.common.testing.TestTokens;

/**
 * Issue 10, item 5: the audit service checks its own Merkle tree against its newest signed checkpoint, on demand
 * (and on a schedule), and shows the result in its integrity health check; tampering turns it down, with the cause.
 */
@QuarkusTest
@QuarkusTestResource(KmcrTestEnvironment.class)
class TreeSelfCheckTest {

    static final String PRIVACY_OFFICER = AuditEventResourceTest.PRIVACY_OFFICER;

    @Inject
    @HealthGroup("integrity")
    TreeIntegrityCheck health;

    @Test
    void anIntactTreeMatchesItsSignedCheckpointAndIsHealthy() {
        ChainTamperingTest.appendEvent();
        ChainTamperingTest.appendEvent();
        long size = ChainTamperingTest.takeCheckpoint().getLong("sequence");

        treeCheck().body("valid", equalTo(true)).body("checkpointSize", equalTo((int) size));
        assertEquals(HealthCheckResponse.Status.UP, health.call().getStatus());
    }

    @Test
    void aRewrittenEntryWithItsTreeRebuiltIsCaughtAndTurnsTheIntegrityCheckDown() {
        ChainTamperingTest.appendEvent();
        long edited = ChainTamperingTest.appendEvent();
        ChainTamperingTest.appendEvent();
        long size = ChainTamperingTest.takeCheckpoint().getLong("sequence");

        try (AttackerSql.Snapshot kept = AttackerSql.snapshot()) {
            List<AuditEntry> tail = new ArrayList<>(AttackerSql.chain().stream()
                    .filter(e -> e.sequence >= edited).toList());
            tail.get(0).actorOrg = "XXX";
            AttackerSql.rewriteFrom(edited, tail);
            AttackerSql.rebuildTree();

            treeCheck().body("valid", equalTo(false)).body("checkpointSize", equalTo((int) size))
                    .body("problem", containsString("do not give the signed root of size " + size));
            HealthCheckResponse down = health.call();
            assertEquals(HealthCheckResponse.Status.DOWN, down.getStatus());
            assertTrue(down.getData().orElseThrow().get("problem").toString().contains("signed root"));
        }
        treeCheck().body("valid", equalTo(true));
        assertEquals(HealthCheckResponse.Status.UP, health.call().getStatus());
    }

    @Test
    void aChangedEntryHashUnderIntactTreeNodesIsCaughtFromTheEntries() {
        for (int i = 0; i < 4; i++) {
            ChainTamperingTest.appendEvent();
        }
        long size = ChainTamperingTest.takeCheckpoint().getLong("sequence");
        // an even size whose left half is a complete stored subtree: change the first entry's hash only
        try (AttackerSql.Snapshot kept = AttackerSql.snapshot()) {
            List<AuditEntry> tail = new ArrayList<>(AttackerSql.chain());
            tail.get(0).actorName = "Someone Else";
            AttackerSql.rewriteFrom(1, tail);

            treeCheck().body("valid", equalTo(false)).body("checkpointSize", equalTo((int) size))
                    .body("problem", containsString("signed root"));
            assertEquals(HealthCheckResponse.Status.DOWN, health.call().getStatus());
        }
        treeCheck().body("valid", equalTo(true));
    }

    @Test
    void onlyPrivacyOfficersMayRunTheCheck() {
        given().post("/api/audit-verification/tree-check").then().statusCode(401);
        given().auth().oauth2(TestTokens.user("dr", "clinician", "RKM")).post("/api/audit-verification/tree-check")
                .then().statusCode(403);
    }

    private static io.restassured.response.ValidatableResponse treeCheck() {
        return given().auth().oauth2(PRIVACY_OFFICER).post("/api/audit-verification/tree-check").then()
                .statusCode(200);
    }
}
