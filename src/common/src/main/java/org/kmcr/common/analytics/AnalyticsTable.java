package org.kmcr.common.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A published one-way table of a measure: people counted once each, after the opt-out exclusion, with small
 * counts suppressed and the rest rounded (cells and total alike).
 *
 * @param from            the first day counted (a Monday); null for a current measure
 * @param to              the last day counted (a Sunday); null for a current measure
 * @param optOutListDate  the date of the national data opt-out list applied; null when none was ever loaded
 * @param total           the total of people, published by the same rules ({@code *} when it would reveal a cell)
 */
public record AnalyticsTable(String measure, String title, MeasureKind kind, Breakdown by, LocalDate from,
        LocalDate to, LocalDate optOutListDate, Instant generatedAt, List<Cell> cells, Cell total) {

    public AnalyticsTable {
        cells = cells == null ? List.of() : List.copyOf(cells);
    }
}
