package org.kmcr.ingest.service;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small in-memory map whose entries expire a fixed time after they were put, with at most a fixed number of
 * entries: when full it starts again empty (each key then costs one lookup more, never a stale answer). A time of
 * zero keeps nothing.
 */
final class ExpiringCache<K, V> {

    private record Entry<V>(V value, Instant expires) {
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Duration keepFor;
    private final int maxEntries;
    private final InstantSource clock;

    ExpiringCache(Duration keepFor, int maxEntries, InstantSource clock) {
        this.keepFor = keepFor;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    /** The value put for the key, or null when there is none or it has expired. */
    V get(K key) {
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (!clock.instant().isBefore(entry.expires())) {
            entries.remove(key, entry);
            return null;
        }
        return entry.value();
    }

    void put(K key, V value) {
        if (keepFor.isZero() || keepFor.isNegative()) {
            return;
        }
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(key, new Entry<>(value, clock.instant().plus(keepFor)));
    }

    void remove(K key) {
        entries.remove(key);
    }
}
