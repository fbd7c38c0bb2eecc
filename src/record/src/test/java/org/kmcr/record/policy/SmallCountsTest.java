package org.kmcr.record.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kmcr.common.analytics.Cell;

/** The small-number rules as a table: true counts in, published values out. */
class SmallCountsTest {

    record Case(String name, Map<String, Long> counts, long total, List<String> cells, String publishedTotal) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> table() {
        return Stream.of(
                single("0 people is 0", 0, "0"),
                single("1 person is suppressed", 1, "*"),
                single("7 people are suppressed", 7, "*"),
                single("8 people are shown, rounded to 10", 8, "10"),
                single("12 rounds down to 10", 12, "10"),
                single("12.5 is not a count; 13 rounds up to 15", 13, "15"),
                single("15 stays 15", 15, "15"),
                single("17 rounds down to 15; 18 would be 20", 17, "15"),
                single("1,002 rounds to 1,000", 1002, "1000"),
                table("no small cell: all shown, rounded, with the total", cells("a", 20, "b", 31), 51,
                        List.of("20", "30"), "50"),
                table("one cell of 1 next to a published total: the smallest other cell is suppressed too",
                        cells("a", 1, "b", 40, "c", 12), 53, List.of("*", "40", "*"), "55"),
                table("one cell of 7 next to a published total: also a second cell", cells("a", 7, "b", 9, "c", 30),
                        46, List.of("*", "*", "30"), "45"),
                table("two suppressed cells of 1 and 1 (2 together) would be found by difference: a third is added",
                        cells("a", 1, "b", 1, "c", 20, "d", 25), 47, List.of("*", "*", "*", "25"), "45"),
                table("two suppressed cells of 3 and 5 (8 together): enough, nothing more is suppressed",
                        cells("a", 3, "b", 5, "c", 20), 28, List.of("*", "*", "20"), "30"),
                table("a total that would reveal the only small cell and has no other cell to hide is suppressed",
                        cells("a", 2, "b", 0), 2, List.of("*", "0"), "*"),
                table("one small cell and one large: both hidden, total shown", cells("a", 3, "b", 50), 53,
                        List.of("*", "*"), "55"),
                table("a total of 1-7 is suppressed with every non-zero cell", cells("a", 4, "b", 3), 7,
                        List.of("*", "*"), "*"),
                table("8 people in all, in cells of 1 and 7: both hidden, the total 10", cells("a", 1, "b", 7), 8,
                        List.of("*", "*"), "10"),
                table("zero cells are never used to hide a cell (they reveal no one)", cells("a", 2, "b", 0, "c", 9),
                        11, List.of("*", "0", "*"), "10"),
                table("a trend (not a partition: total below the sum) follows the same rules",
                        cells("w1", 30, "w2", 4, "w3", 28), 50, List.of("30", "*", "*"), "50"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void publishes(Case c) {
        SmallCounts.Published published = SmallCounts.publish(c.counts(), c.total());
        assertEquals(c.cells(), published.cells().stream().map(Cell::value).toList(), "cells");
        assertEquals(c.publishedTotal(), published.total().value(), "total");
    }

    /**
     * A difference of two published tables (the same districts over a period and over that period plus one week in
     * which 3 more people in one district were tested) never gives the exact small count: it is a difference of
     * two rounded numbers.
     */
    @Test
    void aDifferenceOfTwoPublishedTablesDoesNotRevealTheSmallCountBetweenThem() {
        for (long before = 8; before < 200; before++) {
            for (long added = 1; added <= SmallCounts.LARGEST_SUPPRESSED; added++) {
                SmallCounts.Published first = SmallCounts.publish(cells("KM1", before, "KM2", 100), before + 100);
                SmallCounts.Published second = SmallCounts.publish(cells("KM1", before + added, "KM2", 100),
                        before + added + 100);
                long difference = second.cells().get(0).count() - first.cells().get(0).count();
                assertTrue(difference % SmallCounts.ROUNDING_BASE == 0, "a difference is a multiple of 5");
                long totals = second.total().count() - first.total().count();
                assertTrue(totals % SmallCounts.ROUNDING_BASE == 0, "so is the totals' difference");
            }
        }
        // the same published difference arises from different true differences: 8 -> 11 (3 more) and 8 -> 9 (1)
        assertEquals(SmallCounts.publish(cells("KM1", 11), 11).total().value(),
                SmallCounts.publish(cells("KM1", 12), 12).total().value());
        assertEquals("10", SmallCounts.publish(cells("KM1", 9), 9).total().value());
    }

    /** Seeded randomised tables: no published total lets a lone suppressed cell, or a small hidden sum, be found. */
    @Test
    void noRandomTableRevealsASuppressedCellByDifference() {
        SplittableRandom random = new SplittableRandom(13);
        for (int run = 0; run < 5_000; run++) {
            Map<String, Long> counts = new LinkedHashMap<>();
            int size = 1 + random.nextInt(8);
            long total = 0;
            for (int i = 0; i < size; i++) {
                long count = random.nextInt(4) == 0 ? random.nextInt(8) : random.nextInt(60);
                counts.put("g" + i, count);
                total += count;
            }
            SmallCounts.Published published = SmallCounts.publish(counts, total);
            long hiddenSum = 0;
            int hidden = 0;
            for (Cell cell : published.cells()) {
                long trueCount = counts.get(cell.group());
                if (cell.suppressed()) {
                    hidden++;
                    hiddenSum += trueCount;
                } else {
                    assertTrue(trueCount == 0 || trueCount > SmallCounts.LARGEST_SUPPRESSED, "a small count is shown");
                    assertEquals(SmallCounts.round(trueCount), cell.count().longValue());
                }
            }
            if (!published.total().suppressed() && hidden > 0) {
                assertTrue(hidden >= 2 && hiddenSum > SmallCounts.LARGEST_SUPPRESSED,
                        "the hidden cells could be found from the total: " + counts);
            }
        }
    }

    static Map<String, Long> cells(Object... groupsAndCounts) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < groupsAndCounts.length; i += 2) {
            counts.put((String) groupsAndCounts[i], ((Number) groupsAndCounts[i + 1]).longValue());
        }
        return counts;
    }

    static Case single(String name, long count, String published) {
        return new Case(name, cells("a", count), count, List.of(published), published);
    }

    static Case table(String name, Map<String, Long> counts, long total, List<String> cells, String publishedTotal) {
        return new Case(name, counts, total, cells, publishedTotal);
    }
}
