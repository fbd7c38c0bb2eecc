package org.kmcr.common.analytics;

/**
 * A district's rise: the people counted in the last 7 days and the 7 before, and their rates per 100,000 of the
 * district's population known to KMCR, all computed from published (rounded) figures.
 *
 * @param rise the recent rate minus the prior one, per 100,000 (a suppressed prior counts as 0)
 */
public record HotSpot(String district, Cell recent, Cell prior, Double recentRate, Double priorRate, double rise) {
}
