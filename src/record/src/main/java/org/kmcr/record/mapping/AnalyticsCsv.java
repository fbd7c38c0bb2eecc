package org.kmcr.record.mapping;

import java.util.List;
import org.kmcr.common.analytics.AnalyticsTable;
import org.kmcr.common.analytics.Cell;
import org.kmcr.common.analytics.HotSpot;
import org.kmcr.common.analytics.HotSpotTable;

/** Published tables as CSV: the same cells as the JSON, suppressed cells as {@code *}, one row per cell. */
public final class AnalyticsCsv {

    private AnalyticsCsv() {
    }

    public static String table(AnalyticsTable table) {
        StringBuilder csv = new StringBuilder("measure,by,from,to,opt_out_list_date,group,people\r\n");
        String prefix = String.join(",", field(table.measure()), table.by().code(), text(table.from()),
                text(table.to()), text(table.optOutListDate())) + ",";
        for (Cell cell : table.cells()) {
            csv.append(prefix).append(field(cell.group())).append(',').append(cell.value()).append("\r\n");
        }
        csv.append(prefix).append("total,").append(table.total().value()).append("\r\n");
        return csv.toString();
    }

    public static String hotSpots(HotSpotTable table) {
        StringBuilder csv = new StringBuilder("measure,to,district,recent_7_days,prior_7_days,recent_rate_per_100000,"
                + "prior_rate_per_100000,rise_per_100000\r\n");
        for (HotSpot spot : table.districts()) {
            csv.append(String.join(",", List.of(field(table.measure()), text(table.to()), field(spot.district()),
                    spot.recent().value(), spot.prior().value(), text(spot.recentRate()), text(spot.priorRate()),
                    text(spot.rise())))).append("\r\n");
        }
        return csv.toString();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /** A field as RFC 4180 wants it; a leading formula character is neutralised for spreadsheets. */
    static String field(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return safe.contains(",") || safe.contains("\"") || safe.contains("\n")
                ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
