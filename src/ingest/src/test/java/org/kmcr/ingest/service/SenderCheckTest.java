package org.kmcr.ingest.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.kmcr.common.consent.ConsentClient;
import org.kmcr.common.consent.SharingPartner;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.ingest.model.Sender;

/** The partner register as ingest reads it: a sender in force is trusted for a bounded time, a refusal never. */
class SenderCheckTest {

    static final Duration CACHE_FOR = Duration.ofSeconds(10);
    static final Sender TRUST = new Sender("RKM", "partner-rkm-pas");
    static final SharingPartner IN_FORCE = new SharingPartner("RKM", "Trust", "acute-trust", true);
    static final SharingPartner SUSPENDED = new SharingPartner("RKM", "Trust", "acute-trust", false);

    final LookupCaches.Clock clock = new LookupCaches.Clock();
    final ConsentClient consent = mock(ConsentClient.class);
    final SenderCheck check = new SenderCheck(consent, LookupCaches.config(CACHE_FOR, Duration.ZERO, 1), clock);

    SharingPartner require() {
        return check.requirePartner(TRUST).await().indefinitely();
    }

    void refused() {
        ProblemException problem = assertThrows(ProblemException.class, this::require);
        assertEquals(403, problem.status());
    }

    @Test
    void aSenderInForceIsAskedAboutOnceWithinTheCacheTime() {
        when(consent.sharingPartner("RKM")).thenReturn(Uni.createFrom().item(IN_FORCE));
        require();
        clock.advance(CACHE_FOR.minusMillis(1));
        assertEquals(IN_FORCE, require());
        verify(consent, times(1)).sharingPartner("RKM");
    }

    @Test
    void aSuspensionRefusesTheSenderOnceTheCacheTimeIsUp() {
        when(consent.sharingPartner("RKM")).thenReturn(Uni.createFrom().item(IN_FORCE));
        require();
        when(consent.sharingPartner("RKM")).thenReturn(Uni.createFrom().item(SUSPENDED));
        clock.advance(CACHE_FOR);
        refused();
        verify(consent, times(2)).sharingPartner("RKM");
    }

    @Test
    void aSenderNotInForceIsAskedAboutEveryTimeSoAReinstatementAppliesAtOnce() {
        when(consent.sharingPartner("RKM")).thenReturn(Uni.createFrom().item(SUSPENDED));
        refused();
        refused();
        when(consent.sharingPartner("RKM")).thenReturn(Uni.createFrom().item(IN_FORCE));
        assertEquals(IN_FORCE, require());
        verify(consent, times(3)).sharingPartner("RKM");
    }

    @Test
    void anOrganisationThatWasNeverAPartnerIsRefused() {
        when(consent.sharingPartner("RKM")).thenReturn(Uni.createFrom().nullItem());
        refused();
        refused();
        verify(consent, times(2)).sharingPartner("RKM");
    }

    @Test
    void whenConsentCannotAnswerNothingIsCachedAndTheFailureReachesTheSender() {
        when(consent.sharingPartner("RKM")).thenReturn(Uni.createFrom().failure(ProblemException.unavailable("down")));
        assertEquals(503, assertThrows(ProblemException.class, this::require).status());
        when(consent.sharingPartner("RKM")).thenReturn(Uni.createFrom().item(IN_FORCE));
        assertEquals(IN_FORCE, require());
    }
}
