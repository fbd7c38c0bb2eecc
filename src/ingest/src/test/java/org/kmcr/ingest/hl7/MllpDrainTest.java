package org.kmcr.ingest.hl7;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import io.quarkus.test.InjectMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.kmcr.common.audit.AuditClient;
import org.kmcr.common.consent.ConsentClient;
import org.kmcr.common.identity.IdentityClient;
import org.kmcr.common.identity.ResolvedIdentity;
import org.kmcr.common.identity.SourceIdentityIds;
import org.kmcr.common.testing.KmcrTestEnvironment;
import org.kmcr.common.testing.TestNhsNumbers;
import org.kmcr.ingest.Neighbours;
import org.kmcr.ingest.mllp.MllpServer;

/**
 * A pod stopping drains its MLLP listeners: the message being stored is finished and acknowledged, then the
 * connection closes; a new connection is refused. Its own profile, so the drained listener is not reused by other
 * tests.
 */
@QuarkusTest
@TestProfile(MllpDrainTest.Draining.class)
@QuarkusTestResource(KmcrTestEnvironment.class)
class MllpDrainTest {

    /** A Quarkus application of its own for this test. */
    public static class Draining implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kmcr.ingest.mllp.drain-timeout", "20s");
        }
    }

    @InjectMock
    IdentityClient identity;
    @InjectMock
    ConsentClient consent;
    @InjectMock
    AuditClient audit;
    @Inject
    MllpServer mllp;

    @Test
    void theMessageBeingStoredIsAcknowledgedThenTheConnectionClosesAndNoNewOneIsTaken() throws Exception {
        Neighbours.answer(identity, consent, audit);
        CountDownLatch resolving = new CountDownLatch(1);
        CompletableFuture<ResolvedIdentity> release = new CompletableFuture<>();
        doAnswer(call -> {
            resolving.countDown();
            return Uni.createFrom().completionStage(release);
        }).when(identity).resolve(any());
        int port = mllp.ports().get("RKM:partner-rkm-pas");
        Hl7Messages patient = new Hl7Messages(TestNhsNumbers.next());

        MllpClient sender = new MllpClient(port);
        CompletableFuture<String> ack = CompletableFuture.supplyAsync(
                () -> sender.send(patient.adt("A01", "202605011000", "Ward 1^Room 1^Bed 1")));
        assertTrue(resolving.await(30, TimeUnit.SECONDS), "the message reached identity");

        CompletableFuture<Void> drained = mllp.drain();
        assertFalse(drained.isDone(), "a connection storing a message is not closed under it");
        try (MllpClient late = new MllpClient(port)) {
            assertThrows(UncheckedIOException.class, () -> late.send(patient.adt("A08", "202605011100", "Ward 1")),
                    "a connection made while draining is closed without an ACK");
        }

        release.complete(new ResolvedIdentity(SourceIdentityIds.of("RKM", "partner-rkm-pas", patient.localId),
                UUID.randomUUID(), null, "new-person"));
        assertEquals("AA", MllpClient.msa(ack.get(30, TimeUnit.SECONDS), 1), "the stored message is acknowledged");
        drained.get(30, TimeUnit.SECONDS);
        assertThrows(UncheckedIOException.class, () -> sender.send(patient.adt("A08", "202605011100", "Ward 1")),
                "after its ACK the draining connection is closed");
        sender.close();
    }
}
