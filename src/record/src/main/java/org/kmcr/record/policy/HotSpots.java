package org.kmcr.record.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.kmcr.common.analytics.Cell;
import org.kmcr.common.analytics.HotSpot;

/**
 * Hot spots: the districts whose rate rises fastest. For each district, the people counted in the recent 7 days
 * and in the 7 days before, each published by {@link SmallCounts} (suppressed 1-7, rounded to 5); the rates per
 * 100,000 of the district's population known to KMCR (opt-outs excluded, rounded to 5 as well) are computed from
 * those published figures only, so that a rate never gives back a count that was rounded or suppressed. A district
 * is ranked only when its recent count is at least the minimum (default 10) and its population is at least 25;
 * the rise is the recent rate minus the prior rate (a suppressed prior counts as 0), largest first, ties by name.
 */
public final class HotSpots {

    public static final int DEFAULT_MINIMUM_COUNT = 10;
    public static final int MINIMUM_POPULATION = 25;
    static final double PER = 100_000d;

    private HotSpots() {
    }

    /** The true figures of one district. */
    public record DistrictCounts(String district, long recent, long prior, long population) {
    }

    /** The ranked districts, at most {@code limit}. */
    public static List<HotSpot> rank(List<DistrictCounts> districts, int minimumCount, int limit) {
        List<HotSpot> ranked = new ArrayList<>();
        for (DistrictCounts d : districts) {
            if (d.district() == null || d.recent() < minimumCount || d.population() < MINIMUM_POPULATION) {
                continue;
            }
            Cell recent = SmallCounts.single("recent", d.recent());
            Cell prior = SmallCounts.single("prior", d.prior());
            double population = SmallCounts.round(d.population());
            Double recentRate = rate(recent, population);
            Double priorRate = rate(prior, population);
            double rise = recentRate - (priorRate == null ? 0 : priorRate);
            ranked.add(new HotSpot(d.district(), recent, prior, recentRate, priorRate, round1(rise)));
        }
        ranked.sort(Comparator.comparingDouble(HotSpot::rise).reversed().thenComparing(HotSpot::district));
        return ranked.size() > limit ? List.copyOf(ranked.subList(0, limit)) : List.copyOf(ranked);
    }

    private static Double rate(Cell cell, double population) {
        return cell.suppressed() ? null : round1(cell.count() * PER / population);
    }

    private static double round1(double value) {
        return Math.round(value * 10) / 10d;
    }
}
