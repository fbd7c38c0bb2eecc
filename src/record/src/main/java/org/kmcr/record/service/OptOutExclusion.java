package org.kmcr.record.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.kmcr.common.consent.OptOutClient;
import org.kmcr.common.consent.OptOutExclusions;
import org.kmcr.record.config.RecordConfig;

/**
 * The national data opt-out list that analytics leaves out, read from consent and kept for
 * {@code kmcr.record.analytics-opt-out-cache} (the list changes when a privacy officer loads a new one). When consent
 * cannot answer and nothing is cached, analytics fails closed (503).
 */
@ApplicationScoped
public class OptOutExclusion {

    private final OptOutClient client;
    private final RecordConfig config;
    private final Clock clock = Clock.systemUTC();
    private final AtomicReference<Cached> cache = new AtomicReference<>();

    OptOutExclusion(OptOutClient client, RecordConfig config) {
        this.client = client;
        this.config = config;
    }

    /** The list in force, with its NHS numbers as a query parameter. */
    public Uni<Excluded> current() {
        Cached cached = cache.get();
        Instant now = clock.instant();
        if (cached != null && now.isBefore(cached.at().plus(config.analyticsOptOutCache()))) {
            return Uni.createFrom().item(cached.list());
        }
        return client.exclusions().map(exclusions -> {
            Excluded list = new Excluded(exclusions, exclusions.nhsNumbers().toArray(String[]::new));
            cache.set(new Cached(list, now));
            return list;
        });
    }

    /** The list and its NHS numbers as an array for the anti-join. */
    public record Excluded(OptOutExclusions exclusions, String[] nhsNumbers) {
    }

    private record Cached(Excluded list, Instant at) {
    }
}
