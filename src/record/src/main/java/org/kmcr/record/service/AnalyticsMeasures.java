package org.kmcr.record.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.kmcr.record.config.RecordConfig;
import org.kmcr.record.repository.AnalyticsRepository;
import org.kmcr.record.repository.AnalyticsRepository.MeasureRow;

/**
 * The measure definitions (data in record.analytics_measure), read once and kept for
 * {@code kmcr.record.analytics-measure-cache}: a changed title, kind or category applies within that time. A code
 * not among the kept definitions reads them again before it is refused, so a measure added as data answers its very
 * first query.
 */
@ApplicationScoped
public class AnalyticsMeasures {

    private final AnalyticsRepository repository;
    private final RecordConfig config;
    private final Clock clock = Clock.systemUTC();
    private final AtomicReference<Loaded> loaded = new AtomicReference<>();

    AnalyticsMeasures(AnalyticsRepository repository, RecordConfig config) {
        this.repository = repository;
        this.config = config;
    }

    /** Every measure, in the order of the dashboard. */
    public Uni<List<MeasureRow>> all() {
        Loaded kept = loaded.get();
        if (kept != null && clock.instant().isBefore(kept.at().plus(config.analyticsMeasureCache()))) {
            return Uni.createFrom().item(kept.measures());
        }
        return reload();
    }

    /** The measure of this code, empty when there is none (even after reading the definitions again). */
    public Uni<FoundMeasure> find(String code) {
        return all().chain(measures -> {
            Optional<MeasureRow> kept = byCode(measures, code);
            if (kept.isPresent()) {
                return Uni.createFrom().item(new FoundMeasure(kept, measures));
            }
            return reload().map(fresh -> new FoundMeasure(byCode(fresh, code), fresh));
        });
    }

    /** The measure looked for, if defined, and every measure defined (to name them when it is not). */
    public record FoundMeasure(Optional<MeasureRow> measure, List<MeasureRow> all) {
    }

    private Uni<List<MeasureRow>> reload() {
        Instant at = clock.instant();
        return repository.measures().map(measures -> {
            List<MeasureRow> copy = List.copyOf(measures);
            loaded.set(new Loaded(copy, at));
            return copy;
        });
    }

    private static Optional<MeasureRow> byCode(List<MeasureRow> measures, String code) {
        return measures.stream().filter(row -> row.code().equals(code)).findFirst();
    }

    private record Loaded(List<MeasureRow> measures, Instant at) {
    }
}
