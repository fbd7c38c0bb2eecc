package org.kmcr.portal.model;

import java.util.List;

/**
 * A person's test results, one series per test (by code), most recent test first: each value with its reference
 * range, and for a repeated test a small trend chart (drawn server-side as SVG coordinates) beside its table.
 */
public record ResultsView(String nhsNumber, String nhsNumberSpaced, List<Series> series) {

    /** One test's values, oldest first in {@code points} (the table lists them newest first). */
    public record Series(String id, String name, String unit, String range, Point latest, List<Point> points,
            Chart chart) {
    }

    /**
     * One value.
     *
     * @param flag "High", "Low" or "" against the reference range
     */
    public record Point(String when, String value, String flag, String source, double x, double y) {
    }

    /**
     * The chart's geometry in its own viewBox (WIDTH x HEIGHT): the line through the points, the reference range's
     * band (bandHeight 0 when there is none), and the axis labels.
     */
    public record Chart(String polyline, double bandY, double bandHeight, String top, String bottom, String first,
            String last) {

        public static final int WIDTH = 320;
        public static final int HEIGHT = 120;
    }
}
