package org.kmcr.record.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kmcr.common.analytics.MeasureKind;
import org.kmcr.record.config.RecordConfig;
import org.kmcr.record.repository.AnalyticsRepository;
import org.kmcr.record.repository.AnalyticsRepository.MeasureRow;

/**
 * How often the measure definitions are read (the reads themselves, over real PostgreSQL, are
 * {@code AnalyticsResourceTest}'s, including a measure added as data answering its first query).
 */
class AnalyticsMeasuresTest {

    final AnalyticsRepository repository = mock(AnalyticsRepository.class);
    final RecordConfig config = mock(RecordConfig.class);
    final List<MeasureRow> defined = new ArrayList<>(List.of(measure("covid-positive")));

    @BeforeEach
    void definitions() {
        when(repository.measures()).thenAnswer(call -> Uni.createFrom().item(List.copyOf(defined)));
        when(config.analyticsMeasureCache()).thenReturn(Duration.ofMinutes(1));
    }

    static MeasureRow measure(String code) {
        return new MeasureRow(code, code, code, MeasureKind.EVENT, "infection-status");
    }

    @Test
    void readOnceForEveryQueryWithinTheCachePeriod() {
        AnalyticsMeasures measures = new AnalyticsMeasures(repository, config);
        for (int i = 0; i < 5; i++) {
            assertEquals(1, measures.all().await().indefinitely().size());
            assertTrue(measures.find("covid-positive").await().indefinitely().measure().isPresent());
        }
        verify(repository, times(1)).measures();
    }

    @Test
    void aCodeNotHeldIsLookedUpAtOnceSoAMeasureAddedAsDataIsFound() {
        AnalyticsMeasures measures = new AnalyticsMeasures(repository, config);
        measures.all().await().indefinitely();
        defined.add(measure("tb-diagnosed"));
        assertTrue(measures.find("tb-diagnosed").await().indefinitely().measure().isPresent());
        verify(repository, times(2)).measures();

        AnalyticsMeasures.FoundMeasure missing = measures.find("no-such").await().indefinitely();
        assertTrue(missing.measure().isEmpty());
        assertEquals(List.of("covid-positive", "tb-diagnosed"), missing.all().stream().map(MeasureRow::code).toList(),
                "the measures named in the 404");
    }

    @Test
    void readAgainOnceTheCachePeriodIsOver() {
        when(config.analyticsMeasureCache()).thenReturn(Duration.ZERO);
        AnalyticsMeasures measures = new AnalyticsMeasures(repository, config);
        measures.all().await().indefinitely();
        measures.all().await().indefinitely();
        verify(repository, times(2)).measures();
    }
}
