package org.kmcr.record.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.kmcr.common.record.SourceFreshness;
import org.kmcr.record.config.RecordConfig;
import org.kmcr.record.repository.FeedContactRepository;
import org.kmcr.recordmodel.model.CareItem;

/**
 * How fresh each source of a disclosure is: the feed's last accepted message (read through
 * {@code record.feed_contact}, cached for {@code kmcr.record.freshness-cache}, since staleness is counted in days)
 * or, when the feed's messages have been pruned, the latest time KMCR received one of the items shown from it; stale
 * when that is longer ago than {@code kmcr.record.stale-after}.
 */
@ApplicationScoped
public class FeedFreshness {

    private final FeedContactRepository repository;
    private final RecordConfig config;
    private final Clock clock;
    private final AtomicReference<Cached> cache = new AtomicReference<>();

    FeedFreshness(FeedContactRepository repository, RecordConfig config) {
        this.repository = repository;
        this.config = config;
        this.clock = Clock.systemUTC();
    }

    /** One entry per source of the items, most recently heard from first. */
    public Uni<List<SourceFreshness>> of(List<CareItem> items) {
        if (items.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return lastContacts().map(contacts -> {
            Instant now = clock.instant();
            Map<String, SourceFreshness> bySource = new LinkedHashMap<>();
            for (CareItem item : items) {
                String key = FeedContactRepository.key(item.sourceOrg, item.sourceSystem);
                SourceFreshness known = bySource.get(key);
                Instant last = latest(contacts.get(key), item.receivedAt,
                        known == null ? null : known.lastContact());
                bySource.put(key, new SourceFreshness(item.sourceOrg, item.sourceSystem, last,
                        last == null || last.isBefore(now.minus(config.staleAfter()))));
            }
            return bySource.values().stream()
                    .sorted(Comparator.comparing(SourceFreshness::lastContact,
                            Comparator.nullsLast(Comparator.reverseOrder()))
                            .thenComparing(SourceFreshness::sourceOrg))
                    .toList();
        });
    }

    private Uni<Map<String, Instant>> lastContacts() {
        Cached cached = cache.get();
        Instant now = clock.instant();
        if (cached != null && cached.until.isAfter(now)) {
            return Uni.createFrom().item(cached.contacts);
        }
        return repository.lastContacts()
                .invoke(contacts -> cache.set(new Cached(Map.copyOf(contacts), now.plus(config.freshnessCache()))));
    }

    private static Instant latest(Instant... times) {
        Instant latest = null;
        for (Instant time : times) {
            if (time != null && (latest == null || time.isAfter(latest))) {
                latest = time;
            }
        }
        return latest;
    }

    private record Cached(Map<String, Instant> contacts, Instant until) {
    }
}
