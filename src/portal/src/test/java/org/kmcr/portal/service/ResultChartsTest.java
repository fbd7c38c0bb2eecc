package org.kmcr.portal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.kmcr.portal.model.ResultsView;

class ResultChartsTest {

    static String observation(String code, String display, String when, double value, String range) {
        return """
                {"resource":{"resourceType":"Observation","status":"final",
                "code":{"coding":[{"system":"http://snomed.info/sct","code":"%s","display":"%s"}]},
                "effectiveDateTime":"%s","valueQuantity":{"value":%s,"unit":"mmol/L"}%s}}
                """.formatted(code, display, when, value, range);
    }

    static String bundle(String... entries) {
        return "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[" + String.join(",", entries) + "]}";
    }

    static final String POTASSIUM_RANGE = ",\"referenceRange\":[{\"low\":{\"value\":3.5},\"high\":{\"value\":5.3},"
            + "\"text\":\"3.5-5.3\"}]";

    @Test
    void aRepeatedTestIsOneSeriesOldestFirstWithItsLatestValueFlaggedAndAChartOverItsRange() {
        ResultsView view = ResultCharts.of("9990000018", bundle(
                observation("1000651000000109", "Serum potassium", "2026-11-20T09:00:00Z", 5.9, POTASSIUM_RANGE),
                observation("1000651000000109", "Serum potassium", "2026-10-01T09:00:00Z", 4.1, POTASSIUM_RANGE),
                observation("1000661000000107", "Serum sodium", "2026-09-01T09:00:00Z", 140, ""),
                observation("1000651000000109", "Serum potassium", "2026-11-01T09:00:00Z", 3.2, POTASSIUM_RANGE)));
        assertEquals(2, view.series().size());
        ResultsView.Series potassium = view.series().get(0);
        assertEquals("Serum potassium", potassium.name());
        assertEquals(List.of("4.1", "3.2", "5.9"), potassium.points().stream().map(ResultsView.Point::value).toList());
        assertEquals(List.of("", "Low", "High"), potassium.points().stream().map(ResultsView.Point::flag).toList());
        assertEquals("5.9", potassium.latest().value());
        assertEquals("3.5-5.3", potassium.range());
        ResultsView.Chart chart = potassium.chart();
        // the first point at the left edge, the last at the right; higher values are higher up (smaller y)
        assertEquals(ResultCharts.LEFT, potassium.points().get(0).x());
        assertEquals(ResultCharts.RIGHT, potassium.points().get(2).x());
        assertTrue(potassium.points().get(2).y() < potassium.points().get(0).y());
        assertTrue(chart.bandHeight() > 0 && chart.bandY() > ResultCharts.TOP);
        // the high point lies above the band, the low point below it
        assertTrue(potassium.points().get(2).y() < chart.bandY());
        assertTrue(potassium.points().get(1).y() > chart.bandY() + chart.bandHeight());
        assertEquals("1 October 2026", chart.first());

        ResultsView.Series sodium = view.series().get(1);
        assertNull(sodium.chart(), "a single value has no trend");
        assertEquals("", sodium.range());
    }

    @Test
    void everyPointOfARandomSeriesFallsInsideTheChart() {
        Random random = new Random(11);
        for (int run = 0; run < 200; run++) {
            int n = 2 + random.nextInt(12);
            String[] entries = new String[n];
            for (int i = 0; i < n; i++) {
                entries[i] = observation("1", "Test", "2026-%02d-%02dT08:00:00Z".formatted(1 + random.nextInt(12),
                        1 + random.nextInt(28)), Math.round((random.nextGaussian() * 50 + 20) * 10) / 10.0,
                        random.nextBoolean() ? POTASSIUM_RANGE : "");
            }
            ResultsView.Series series = ResultCharts.of("9990000018", bundle(entries)).series().get(0);
            for (ResultsView.Point p : series.points()) {
                assertTrue(p.x() >= ResultCharts.LEFT && p.x() <= ResultCharts.RIGHT, "x " + p.x() + " run " + run);
                assertTrue(p.y() >= ResultCharts.TOP && p.y() <= ResultCharts.BOTTOM, "y " + p.y() + " run " + run);
            }
            ResultsView.Chart chart = series.chart();
            assertTrue(chart.bandY() >= ResultCharts.TOP - 0.1
                    && chart.bandY() + chart.bandHeight() <= ResultCharts.BOTTOM + 0.1, "band, run " + run);
        }
    }

    @Test
    void observationsWithoutANumberOrEnteredInErrorAreLeftOut() {
        ResultsView view = ResultCharts.of("9990000018", bundle(
                "{\"resource\":{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"Smoking\"},"
                        + "\"effectiveDateTime\":\"2026-01-01\",\"valueString\":\"Never smoked\"}}",
                "{\"resource\":{\"resourceType\":\"Observation\",\"status\":\"entered-in-error\","
                        + "\"code\":{\"text\":\"HbA1c\"},\"effectiveDateTime\":\"2026-01-01\","
                        + "\"valueQuantity\":{\"value\":48,\"unit\":\"mmol/mol\"}}}"));
        assertTrue(view.series().isEmpty());
    }
}
