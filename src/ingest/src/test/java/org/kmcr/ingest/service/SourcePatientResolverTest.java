package org.kmcr.ingest.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kmcr.common.identity.Demographics;
import org.kmcr.common.identity.IdentityClient;
import org.kmcr.common.identity.LinkStatus;
import org.kmcr.common.identity.ResolvedIdentity;
import org.kmcr.common.identity.SourceIdentityIds;
import org.kmcr.common.identity.SourcePatient;

/** When a message may reuse the MPI's last answer for its patient, and when it must ask again. */
class SourcePatientResolverTest {

    static final Duration CACHE_FOR = Duration.ofSeconds(60);
    static final SourcePatient MARY = patient("Jones");
    static final UUID MARYS_SOURCE_IDENTITY = SourceIdentityIds.of("RKM", "partner-rkm-pas", "MRN1");
    static final ResolvedIdentity LINKED = new ResolvedIdentity(MARYS_SOURCE_IDENTITY, UUID.randomUUID(),
            "9434765919", "nhs-number");

    final LookupCaches.Clock clock = new LookupCaches.Clock();
    final IdentityClient identity = mock(IdentityClient.class);
    final SourcePatientResolver resolver = new SourcePatientResolver(identity,
            LookupCaches.config(Duration.ZERO, CACHE_FOR, 100), clock);

    static SourcePatient patient(String family) {
        return new SourcePatient("RKM", "partner-rkm-pas", "MRN1", "9434765919", new Demographics(family,
                List.of("Mary"), "1970-03-04", "female", List.of("1 High Street"), "Kingsmere", "KM1 2AB", null,
                null, null));
    }

    ResolvedIdentity resolve(SourcePatient facts, boolean assertsNothing) {
        return resolver.resolve(facts, assertsNothing).await().indefinitely();
    }

    void answers(ResolvedIdentity resolved) {
        when(identity.resolve(any())).thenReturn(Uni.createFrom().item(resolved));
    }

    @Test
    void theSameFactsAgainWithNothingAssertedReuseTheLinkUntilTheCacheTimeIsUp() {
        answers(LINKED);
        resolve(MARY, true);
        clock.advance(CACHE_FOR.minusMillis(1));
        assertEquals(LINKED, resolve(patient("Jones"), true));
        verify(identity, times(1)).resolve(any());
        clock.advance(Duration.ofMillis(1));
        resolve(MARY, true);
        verify(identity, times(2)).resolve(any());
    }

    @Test
    void changedFactsAskTheMpi() {
        answers(LINKED);
        resolve(MARY, true);
        resolve(patient("Jones-Smith"), true);
        verify(identity, times(2)).resolve(any());
    }

    @Test
    void aMessageThatAssertsSomethingAlwaysAsksTheMpi() {
        answers(LINKED);
        resolve(MARY, false);
        resolve(MARY, false);
        verify(identity, times(2)).resolve(any());
        resolve(MARY, true); // what the asserting message learnt is reused by the next one that asserts nothing
        verify(identity, times(2)).resolve(any());
    }

    @Test
    void aLinkWaitingForReviewIsNeverReused() {
        answers(new ResolvedIdentity(MARYS_SOURCE_IDENTITY, null, "9434765919", "review", LinkStatus.PENDING_REVIEW,
                UUID.randomUUID()));
        resolve(MARY, true);
        resolve(MARY, true);
        verify(identity, times(2)).resolve(any());
    }

    @Test
    void aLinkWithAReviewOpenIsNeverReused() {
        answers(new ResolvedIdentity(MARYS_SOURCE_IDENTITY, LINKED.personId(), "9434765919", "nhs-number",
                LinkStatus.LINKED, UUID.randomUUID()));
        resolve(MARY, true);
        resolve(MARY, true);
        verify(identity, times(2)).resolve(any());
    }

    @Test
    void aLinkThatIsNoLongerSettledStopsBeingReused() {
        answers(LINKED);
        resolve(MARY, true);
        answers(new ResolvedIdentity(MARYS_SOURCE_IDENTITY, null, "9434765919", "review", LinkStatus.PENDING_REVIEW,
                UUID.randomUUID()));
        resolve(MARY, false);
        resolve(MARY, true);
        verify(identity, times(3)).resolve(any());
    }

    @Test
    void whenTheMpiCannotAnswerNothingIsReused() {
        when(identity.resolve(any())).thenReturn(Uni.createFrom().failure(new IllegalStateException("down")));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> resolve(MARY, true));
        answers(LINKED);
        assertEquals(LINKED, resolve(MARY, true));
        verify(identity, times(2)).resolve(any());
    }
}
