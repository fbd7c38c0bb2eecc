package org.kmcr.common.analytics;

import java.time.LocalDate;
import java.util.List;

/**
 * The districts whose rate of a measure rises fastest, fastest first (see docs/architecture.md, "Hot spots").
 *
 * @param to             the last day of the recent week
 * @param minimumCount   a district is ranked only with at least this many people in the recent week
 */
public record HotSpotTable(String measure, String title, LocalDate to, int days, int minimumCount,
        LocalDate optOutListDate, List<HotSpot> districts) {

    public HotSpotTable {
        districts = districts == null ? List.of() : List.copyOf(districts);
    }
}
