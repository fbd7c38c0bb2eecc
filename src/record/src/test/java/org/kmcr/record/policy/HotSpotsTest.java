package org.kmcr.record.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kmcr.common.analytics.HotSpot;
import org.kmcr.record.policy.HotSpots.DistrictCounts;

class HotSpotsTest {

    @Test
    void districtsRankByTheRiseOfTheirRateFromPublishedFiguresOnly() {
        List<HotSpot> ranked = HotSpots.rank(List.of(
                new DistrictCounts("KM1", 40, 20, 10_000), // 400 -> 200 per 100,000: +200
                new DistrictCounts("KM2", 30, 5, 5_000),   // 600, prior suppressed (counts as 0): +600
                new DistrictCounts("KM3", 9, 0, 1_000),    // below the minimum count: not ranked
                new DistrictCounts("KM4", 50, 60, 10_000), // falling: -100
                new DistrictCounts("KM5", 20, 10, 20),     // population too small to rate
                new DistrictCounts(null, 90, 0, 10_000)),  // no district: not ranked
                HotSpots.DEFAULT_MINIMUM_COUNT, 10);
        assertEquals(List.of("KM2", "KM1", "KM4"), ranked.stream().map(HotSpot::district).toList());
        HotSpot km2 = ranked.get(0);
        assertEquals("30", km2.recent().value());
        assertEquals("*", km2.prior().value());
        assertNull(km2.priorRate());
        assertEquals(600.0, km2.recentRate());
        assertEquals(600.0, km2.rise());
        assertEquals(200.0, ranked.get(1).rise());
        assertEquals(-100.0, ranked.get(2).rise());
    }

    @Test
    void ratesComeFromRoundedCountsSoTheyGiveNoExactCountBack() {
        // 11 people (published 10) of 10,003 (published 10,005): the rate is 10/10,005, not 11/10,003
        HotSpot spot = HotSpots.rank(List.of(new DistrictCounts("KM1", 11, 0, 10_003)), 10, 5).get(0);
        assertEquals(Math.round(10 * 100_000d / 10_005 * 10) / 10d, spot.recentRate());
        assertEquals("0", spot.prior().value());
    }

    @Test
    void theListIsCutAtTheLimit() {
        assertEquals(1, HotSpots.rank(List.of(new DistrictCounts("KM1", 40, 20, 10_000),
                new DistrictCounts("KM2", 40, 20, 10_000)), 10, 1).size());
    }
}
