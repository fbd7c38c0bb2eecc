package org.kmcr.common.analytics;

/**
 * One published cell.
 *
 * @param value {@code *} when suppressed, otherwise the count rounded to the nearest 5 (or 0)
 * @param count the same rounded count as a number; null when suppressed
 */
public record Cell(String group, String value, Integer count) {

    public static final String SUPPRESSED = "*";

    public boolean suppressed() {
        return count == null;
    }
}
