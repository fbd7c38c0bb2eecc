package org.kmcr.ingest.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExpiringCacheTest {

    final LookupCaches.Clock clock = new LookupCaches.Clock();

    @Test
    void anEntryIsAnsweredUntilItsTimeIsUpAndNotAfter() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(Duration.ofSeconds(10), 10, clock);
        cache.put("RKM", "in force");
        clock.advance(Duration.ofMillis(9_999));
        assertEquals("in force", cache.get("RKM"));
        clock.advance(Duration.ofMillis(1));
        assertNull(cache.get("RKM"));
        clock.advance(Duration.ofSeconds(-5)); // an entry once expired is gone, not revived
        assertNull(cache.get("RKM"));
    }

    @Test
    void aNewPutStartsTheTimeAgainAndARemoveForgetsAtOnce() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(Duration.ofSeconds(10), 10, clock);
        cache.put("RKM", "first");
        clock.advance(Duration.ofSeconds(8));
        cache.put("RKM", "second");
        clock.advance(Duration.ofSeconds(8));
        assertEquals("second", cache.get("RKM"));
        cache.remove("RKM");
        assertNull(cache.get("RKM"));
    }

    @Test
    void aZeroTimeKeepsNothing() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(Duration.ZERO, 10, clock);
        cache.put("RKM", "in force");
        assertNull(cache.get("RKM"));
    }

    @Test
    void whenFullItStartsAgainEmptyRatherThanGrowing() {
        ExpiringCache<Integer, String> cache = new ExpiringCache<>(Duration.ofMinutes(1), 3, clock);
        cache.put(1, "a");
        cache.put(2, "b");
        cache.put(3, "c");
        cache.put(4, "d");
        assertNull(cache.get(1));
        assertNull(cache.get(3));
        assertEquals("d", cache.get(4));
    }
}
