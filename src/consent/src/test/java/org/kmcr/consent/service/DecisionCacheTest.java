package org.kmcr.consent.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kmcr.common.consent.AccessDecision;
import org.kmcr.common.consent.AccessRequest;
import org.kmcr.common.consent.Action;
import org.kmcr.common.consent.CallerDetails;
import org.kmcr.common.consent.ReasonCode;

/** A cached decision is found only under the very versions, day and request it was made for, and only in time. */
class DecisionCacheTest {

    static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 3, 15);
    static final AccessRequest REQUEST = new AccessRequest(UUID.randomUUID(), "9434765919", Action.SUMMARY,
            new CallerDetails("u1", "Dr", Set.of("clinician"), "RKM", null, null), null);
    static final AccessDecision DENIED = AccessDecision.deny(ReasonCode.NO_LEGITIMATE_RELATIONSHIP, "no");

    @Test
    void aDecisionIsServedOnlyForTheSameRequestVersionsAndDay() {
        DecisionCache cache = new DecisionCache();
        cache.put(new DecisionCache.Key(REQUEST, 3, 7, TODAY), DENIED, NOW.plusSeconds(60));
        assertEquals(Optional.of(DENIED), cache.get(new DecisionCache.Key(REQUEST, 3, 7, TODAY), NOW));
        assertTrue(cache.get(new DecisionCache.Key(REQUEST, 4, 7, TODAY), NOW).isEmpty(), "policy changed");
        assertTrue(cache.get(new DecisionCache.Key(REQUEST, 3, 8, TODAY), NOW).isEmpty(), "person changed");
        assertTrue(cache.get(new DecisionCache.Key(REQUEST, 3, 7, TODAY.plusDays(1)), NOW).isEmpty(), "next day");
        AccessRequest otherCaller = new AccessRequest(REQUEST.personId(), REQUEST.nhsNumber(), Action.SUMMARY,
                new CallerDetails("u2", "Dr", Set.of("clinician"), "RKM", null, null), null);
        assertTrue(cache.get(new DecisionCache.Key(otherCaller, 3, 7, TODAY), NOW).isEmpty(), "another caller");
    }

    @Test
    void aDecisionIsNotServedOnceItsTimeIsOver() {
        DecisionCache cache = new DecisionCache();
        DecisionCache.Key key = new DecisionCache.Key(REQUEST, 1, 1, TODAY);
        cache.put(key, DENIED, NOW.plusSeconds(60));
        assertTrue(cache.get(key, NOW.plusSeconds(59)).isPresent());
        assertTrue(cache.get(key, NOW.plusSeconds(60)).isEmpty());
    }

    @Test
    void theCacheIsEmptiedRatherThanGrowingPastItsBound() {
        DecisionCache cache = new DecisionCache();
        for (int i = 0; i <= DecisionCache.MAX_ENTRIES; i++) {
            cache.put(new DecisionCache.Key(REQUEST, i, 0, TODAY), DENIED, NOW.plusSeconds(60));
        }
        assertEquals(1, cache.size());
    }
}
