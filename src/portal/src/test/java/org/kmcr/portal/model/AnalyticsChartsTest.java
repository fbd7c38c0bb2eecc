package org.kmcr.portal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kmcr.common.analytics.Cell;

/** The dashboard's SVG: published values only, suppressed cells drawn as such, labels escaped, the shipped map. */
class AnalyticsChartsTest {

    static final Cell TEN = new Cell("KM1", "10", 10);
    static final Cell HIDDEN = new Cell("KM2", "*", null);

    @Test
    void theShippedBoundaryFileHasTheDemoRegionsTenDistricts() {
        DistrictMap map = DistrictMap.shipped();
        assertEquals(List.of("KM1", "KM2", "KM3", "KM4", "KM5", "KM6", "KM7", "KM8", "KM9", "KM10"), map.codes());
        String svg = map.svg("m", "People", Map.of("KM1", TEN, "KM2", HIDDEN));
        assertEquals(10, svg.split("<polygon").length - 1);
        assertTrue(svg.contains("fill=\"url(#m-hatch)\""), "a suppressed district is hatched");
        assertTrue(svg.contains("KM2 Millbrook: *"));
        assertTrue(svg.contains("KM3 Ashford Vale: no data"));
        assertTrue(svg.contains("role=\"img\" aria-labelledby=\"m-title m-desc\""));
    }

    @Test
    void barsAndLinesShowOnlyPublishedValuesAndEscapeLabels() {
        String bars = SvgCharts.bars("b", "<script>", List.of(TEN, HIDDEN, new Cell("a&b", "0", 0)));
        assertFalse(bars.contains("<script>"));
        assertTrue(bars.contains("&lt;script&gt;"));
        assertTrue(bars.contains("a&amp;b"));
        assertTrue(bars.contains("kmcr-chart__bar--suppressed"));
        String line = SvgCharts.line("l", "Trend", List.of(TEN, HIDDEN, new Cell("w3", "20", 20)));
        // the suppressed week breaks the line into two moves, never a point at a made-up value
        String path = line.substring(line.indexOf(" d=\"") + 4, line.indexOf('"', line.indexOf(" d=\"") + 4));
        assertEquals(2, path.chars().filter(c -> c == 'M').count(), path);
        assertFalse(path.contains("L"), "no segment joins across the suppressed week: " + path);
        assertEquals(2, line.split("<circle").length - 1);
    }

    @Test
    void mapShadesGrowWithTheCount() {
        assertEquals(0, DistrictMap.shade(0, 50));
        assertEquals(1, DistrictMap.shade(5, 50));
        assertEquals(5, DistrictMap.shade(50, 50));
    }
}
