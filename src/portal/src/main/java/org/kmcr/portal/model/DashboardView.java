package org.kmcr.portal.model;

import java.util.List;
import org.kmcr.common.analytics.AnalyticsTable;
import org.kmcr.common.analytics.HotSpotTable;
import org.kmcr.common.analytics.Measure;

/**
 * The analyst's dashboard for one measure: the measures to choose from, and for the chosen one its charts (SVG
 * drawn on the server), each with its published table and a CSV link with the same figures.
 */
public record DashboardView(List<Measure> measures, Measure measure, String from, String to, String optOutListDate,
        List<Chart> charts, HotSpotTable hotSpots, String hotSpotsCsv) {

    /** One chart: its heading, the SVG, the table it draws and where to download that table as CSV. */
    public record Chart(String id, String heading, String svg, AnalyticsTable table, String csv) {
    }
}
