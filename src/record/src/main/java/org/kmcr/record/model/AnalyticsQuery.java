package org.kmcr.record.model;

import java.time.LocalDate;
import org.kmcr.common.analytics.Breakdown;

/** A validated analytics query: the measure, the breakdown, and the period in whole weeks (Monday to Sunday). */
public record AnalyticsQuery(String measure, Breakdown by, LocalDate from, LocalDate to) {
}
