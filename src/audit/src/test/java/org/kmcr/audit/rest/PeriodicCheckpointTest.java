package org.kmcr.audit.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kmcr.common.testing.KmcrTestEnvironment;
import org.kmcr.common.testing.TestNhsNumbers;

/** Without anyone asking, the service signs the head on its timer when the head has moved, and only then. */
@QuarkusTest
@TestProfile(PeriodicCheckpointTest.EverySecond.class)
@QuarkusTestResource(KmcrTestEnvironment.class)
class PeriodicCheckpointTest {

    public static class EverySecond implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kmcr.audit.checkpoint.interval", "1s");
        }
    }

    @Inject
    Pool pool;

    @Test
    void theHeadIsSignedOnTheTimerWhenItMovedAndOnlyThen() throws InterruptedException {
        int sequence = AuditEventResourceTest.append(
                AuditEventResourceTest.event(UUID.randomUUID(), TestNhsNumbers.next(), "relationship", null));
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (checkpoints().get(1) < sequence && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        List<Long> signed = checkpoints();
        assertEquals(sequence, signed.get(1), "the newest entry should be signed within 15 s");

        // nothing was appended since: the timer signs nothing new
        Thread.sleep(3_000);
        assertEquals(signed, checkpoints());

        int next = AuditEventResourceTest.append(
                AuditEventResourceTest.event(UUID.randomUUID(), TestNhsNumbers.next(), "relationship", null));
        deadline = System.nanoTime() + 15_000_000_000L;
        while (checkpoints().get(1) < next && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertTrue(checkpoints().get(0) == signed.get(0) + 1 && checkpoints().get(1) == next, checkpoints().toString());
    }

    /** How many checkpoints there are, and the highest sequence signed. */
    private List<Long> checkpoints() {
        Row row = pool.query("SELECT count(*), coalesce(max(sequence), 0) FROM audit.checkpoint").execute()
                .await().indefinitely().iterator().next();
        return List.of(row.getLong(0), row.getLong(1));
    }
}
