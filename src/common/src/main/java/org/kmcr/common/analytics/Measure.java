package org.kmcr.common.analytics;

/**
 * A measure as defined in data (record.analytics_measure).
 *
 * @param category  the record category consent must permit analysts for the measure to be shown
 * @param available whether the caller's decision permits that category
 */
public record Measure(String code, String title, String description, MeasureKind kind, String category,
        boolean available) {
}
