package org.kmcr.consent.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.kmcr.common.consent.AccessDecision;
import org.kmcr.common.consent.AccessRequest;

/**
 * Decisions, keyed by everything they depend on: the request, the policy version, the person's version and the
 * day; each kept no longer than the decision itself holds (a break-glass window ends). A change to anything a
 * decision reads bumps one of the versions, so a cached decision never outlives a change; entries of older
 * versions are simply never asked for again, and the cache is emptied when it grows past {@link #MAX_ENTRIES}.
 */
@ApplicationScoped
public class DecisionCache {

    static final int MAX_ENTRIES = 50_000;

    /** Everything a decision depends on. */
    public record Key(AccessRequest request, long policyVersion, long personVersion, LocalDate day) {
    }

    private record Entry(AccessDecision decision, Instant validUntil) {
    }

    private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();

    public Optional<AccessDecision> get(Key key, Instant now) {
        Entry entry = entries.get(key);
        return entry == null || !now.isBefore(entry.validUntil()) ? Optional.empty()
                : Optional.of(entry.decision());
    }

    public void put(Key key, AccessDecision decision, Instant validUntil) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, new Entry(decision, validUntil));
    }

    public int size() {
        return entries.size();
    }
}
