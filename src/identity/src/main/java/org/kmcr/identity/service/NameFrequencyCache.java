package org.kmcr.identity.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;
import org.kmcr.identity.config.MatchingConfig;
import org.kmcr.identity.matching.NameFrequencies;
import org.kmcr.identity.repository.NameFrequencyRepository;

/**
 * The name, town and date-of-birth frequencies of the index for the term-frequency adjustment, counted again in the background
 * once they are older than {@code kmcr.identity.matching.frequency-refresh}; a resolve never waits for the count. A
 * name seen
 * at most once counts as rare as one in the whole index. Until the index holds
 * {@code frequency-minimum-index-size} source identities, names are weighed by the shipped u instead.
 */
@ApplicationScoped
public class NameFrequencyCache {

    private static final Logger LOG = Logger.getLogger(NameFrequencyCache.class);

    private final NameFrequencyRepository repository;
    private final MatchingConfig config;
    private final AtomicReference<NameFrequencies> current = new AtomicReference<>(NameFrequencies.NONE);
    private final AtomicReference<Instant> countedAt = new AtomicReference<>(Instant.EPOCH);
    private final AtomicBoolean counting = new AtomicBoolean();

    NameFrequencyCache(NameFrequencyRepository repository, MatchingConfig config) {
        this.repository = repository;
        this.config = config;
    }

    /** The frequencies as last counted; starts a new count in the background when they are too old. */
    public NameFrequencies current() {
        if (countedAt.get().plus(config.frequencyRefresh()).isBefore(Instant.now())
                && counting.compareAndSet(false, true)) {
            refresh().subscribe().with(done -> counting.set(false), failure -> {
                counting.set(false);
                LOG.warnf("Name frequencies could not be counted: %s", failure.getMessage());
            });
        }
        return current.get();
    }

    /** Counts the names now. */
    public Uni<NameFrequencies> refresh() {
        return repository.count().map(counts -> {
            NameFrequencies frequencies = counts.total() < config.frequencyMinimumIndexSize() ? NameFrequencies.NONE
                    : new NameFrequencies(shares(counts.given(), counts.total()),
                            shares(counts.family(), counts.total()), shares(counts.town(), counts.total()),
                            shares(counts.birthDate(), counts.total()), 1.0 / counts.total());
            current.set(frequencies);
            countedAt.set(Instant.now());
            return frequencies;
        });
    }

    private static Map<String, Double> shares(Map<String, Long> counts, long total) {
        Map<String, Double> shares = new HashMap<>();
        counts.forEach((name, count) -> shares.put(name, (double) count / total));
        return shares;
    }
}
