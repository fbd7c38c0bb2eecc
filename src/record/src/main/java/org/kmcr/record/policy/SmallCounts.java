package org.kmcr.record.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kmcr.common.analytics.Cell;

/**
 * The secondary-use rules for counts of people (the HES/ECDS small-number rules), as one pure function of the true
 * counts. Only its output leaves the service.
 * <ol>
 * <li>Primary suppression: a count of 1 to 7 is shown as {@code *}.</li>
 * <li>Rounding: every other count is rounded to the nearest 5 (half up: 8 is 10, 12 is 10, 13 is 15); 0 stays 0.</li>
 * <li>Secondary suppression: with the total published, the suppressed cells together must not be found by
 * difference. So while only one cell is suppressed, or the suppressed cells add up to fewer than 8 people, the
 * smallest published non-zero cell is suppressed too; if no cell is left to add, the total is suppressed.</li>
 * </ol>
 * A total is itself a count: 1 to 7 people in all is {@code *}, and every cell with it.
 */
public final class SmallCounts {

    /** The largest count that is never shown. */
    public static final int LARGEST_SUPPRESSED = 7;
    /** Counts are rounded to a multiple of this. */
    public static final int ROUNDING_BASE = 5;

    private SmallCounts() {
    }

    /** One published table: its cells in the order given, and its total. */
    public record Published(List<Cell> cells, Cell total) {
    }

    /** A single count (a figure without a table). */
    public static Cell single(String group, long count) {
        return primarySuppressed(count) ? suppressed(group) : shown(group, count);
    }

    /**
     * Publishes a one-way table.
     *
     * @param counts the true count of people of each group, in display order
     * @param total  the true number of people in the table (for a partition, the sum of the counts)
     */
    public static Published publish(Map<String, Long> counts, long total) {
        Map<String, Long> cells = new LinkedHashMap<>(counts);
        Set<String> hidden = new HashSet<>();
        cells.forEach((group, count) -> {
            if (primarySuppressed(count)) {
                hidden.add(group);
            }
        });
        boolean totalHidden = primarySuppressed(total);
        if (totalHidden) {
            cells.forEach((group, count) -> {
                if (count > 0) {
                    hidden.add(group);
                }
            });
        } else if (!hidden.isEmpty()) {
            List<String> candidates = new ArrayList<>(cells.keySet().stream()
                    .filter(group -> !hidden.contains(group) && cells.get(group) > 0).toList());
            candidates.sort(Comparator.comparing((String group) -> cells.get(group)).thenComparing(group -> group));
            while (revealsByDifference(hidden, cells) && !candidates.isEmpty()) {
                hidden.add(candidates.remove(0));
            }
            totalHidden = revealsByDifference(hidden, cells);
        }
        List<Cell> published = new ArrayList<>();
        cells.forEach((group, count) -> published.add(hidden.contains(group) ? suppressed(group) : shown(group, count)));
        return new Published(published, totalHidden ? suppressed("total") : shown("total", total));
    }

    /** Rounds to the nearest multiple of 5, halves up. */
    public static long round(long count) {
        return Math.floorDiv(count + ROUNDING_BASE / 2, ROUNDING_BASE) * ROUNDING_BASE;
    }

    static boolean primarySuppressed(long count) {
        return count >= 1 && count <= LARGEST_SUPPRESSED;
    }

    /** One hidden cell, or hidden cells of 1 to 7 people together, would be found from the total. */
    private static boolean revealsByDifference(Set<String> hidden, Map<String, Long> cells) {
        if (hidden.isEmpty()) {
            return false;
        }
        long sum = hidden.stream().mapToLong(cells::get).sum();
        return hidden.size() == 1 || primarySuppressed(sum);
    }

    private static Cell suppressed(String group) {
        return new Cell(group, Cell.SUPPRESSED, null);
    }

    private static Cell shown(String group, long count) {
        int rounded = Math.toIntExact(round(count));
        return new Cell(group, Integer.toString(rounded), rounded);
    }
}
