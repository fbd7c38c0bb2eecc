package org.kmcr.record.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.kmcr.common.consent.OptOutClient;
import org.kmcr.common.consent.OptOutExclusions;
import org.kmcr.record.config.RecordConfig;
import org.kmcr.record.repository.AnalyticsOptOutRepository;

/**
 * Keeps the national data opt-out list that analytics leaves out in force in the record schema. The list is read
 * from consent and kept for {@code kmcr.record.analytics-opt-out-cache} (it changes when a privacy officer loads a
 * new one); a list record has not stored yet is stored once ({@link AnalyticsOptOutRepository}) and put in force,
 * so the NHS numbers are never sent with a query and a new list applies from the first query after it is read. When
 * consent cannot answer and nothing is cached, analytics fails closed (503).
 */
@ApplicationScoped
public class OptOutExclusion {

    private final OptOutClient client;
    private final AnalyticsOptOutRepository repository;
    private final RecordConfig config;
    private final Clock clock = Clock.systemUTC();
    private final AtomicReference<Cached> cache = new AtomicReference<>();

    OptOutExclusion(OptOutClient client, AnalyticsOptOutRepository repository, RecordConfig config) {
        this.client = client;
        this.repository = repository;
        this.config = config;
    }

    /**
     * Puts consent's current list in force, at most once per cache period (a stored list is only found again by its
     * digest: its numbers are sent once); answers it.
     */
    public Uni<Excluded> current() {
        Cached cached = cache.get();
        Instant now = clock.instant();
        if (cached != null && now.isBefore(cached.at().plus(config.analyticsOptOutCache()))) {
            return Uni.createFrom().item(cached.list());
        }
        return client.exclusions().chain(exclusions -> {
            String digest = digest(exclusions.nhsNumbers());
            return repository.use(digest, exclusions.listDate(), exclusions.loadedAt())
                    .chain(found -> found != null ? Uni.createFrom().item(found)
                            : repository.store(digest, exclusions.listDate(), exclusions.loadedAt(),
                                    exclusions.nhsNumbers().toArray(String[]::new)))
                    .map(version -> {
                        Excluded list = new Excluded(exclusions.listDate(), version, digest);
                        cache.set(new Cached(list, now));
                        return list;
                    });
        });
    }

    /** SHA-256 of the NHS numbers in the order consent gives them, one a line: the list's identity. */
    static String digest(List<String> nhsNumbers) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String nhsNumber : nhsNumbers) {
                sha.update(nhsNumber.getBytes(StandardCharsets.US_ASCII));
                sha.update((byte) '\n');
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * The list put in force.
     *
     * @param listDate the list's date (null when none was ever loaded: then the list is empty)
     * @param version  the stored list's version
     * @param digest   the list's identity ({@link #digest})
     */
    public record Excluded(LocalDate listDate, long version, String digest) {
    }

    private record Cached(Excluded list, Instant at) {
    }
}
