package org.kmcr.portal.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.kmcr.common.analytics.AnalyticsTable;
import org.kmcr.common.analytics.Breakdown;
import org.kmcr.common.analytics.Cell;
import org.kmcr.common.analytics.HotSpotTable;
import org.kmcr.common.analytics.Measure;
import org.kmcr.common.analytics.MeasureKind;
import org.kmcr.portal.client.AnalyticsClient;
import org.kmcr.portal.model.DashboardView;
import org.kmcr.portal.model.DashboardView.Chart;
import org.kmcr.portal.model.DistrictMap;
import org.kmcr.portal.model.SvgCharts;

/**
 * The analyst's dashboard: record's published tables of one measure (every figure already suppressed and
 * rounded by record; the portal never sees a count of its own), drawn as a trend, a map and bar charts.
 */
@ApplicationScoped
public class AnalyticsDashboard {

    static final String DEFAULT_MEASURE = "covid-positive";

    private final AnalyticsClient client;
    private final DistrictMap map = DistrictMap.shipped();

    AnalyticsDashboard(AnalyticsClient client) {
        this.client = client;
    }

    public Uni<DashboardView> dashboard(String measureCode, String from, String to) {
        return client.measures().chain(measures -> {
            Measure measure = measures.stream()
                    .filter(m -> m.code().equals(measureCode == null ? DEFAULT_MEASURE : measureCode))
                    .findFirst().orElseThrow(() -> new PortalException(404, "Page not found",
                            "There is no measure " + measureCode + "."));
            if (!measure.available()) {
                throw new PortalException(403, "You cannot see this measure",
                        "The access policy does not permit analysts the record category " + measure.category()
                                + " that this measure counts.");
            }
            boolean event = measure.kind() == MeasureKind.EVENT;
            List<Breakdown> breakdowns = event
                    ? List.of(Breakdown.WEEK, Breakdown.DISTRICT, Breakdown.AGE_BAND, Breakdown.SEX, Breakdown.ETHNICITY)
                    : List.of(Breakdown.DISTRICT, Breakdown.SITE, Breakdown.AGE_BAND, Breakdown.SEX);
            List<Uni<AnalyticsTable>> tables = breakdowns.stream()
                    .map(by -> client.table(measure.code(), by, from, to)).toList();
            Uni<HotSpotTable> hotSpots = event ? client.hotSpots(measure.code(), to)
                    : Uni.createFrom().nullItem();
            return Uni.combine().all().unis(tables).with(Function.identity()).chain(results -> hotSpots.map(spots -> {
                List<Chart> charts = new ArrayList<>();
                AnalyticsTable first = null;
                for (Object result : results) {
                    AnalyticsTable table = (AnalyticsTable) result;
                    first = first == null ? table : first;
                    charts.add(chart(measure, table, from, to));
                }
                return new DashboardView(measures, measure, first == null || first.from() == null ? null
                        : first.from().toString(), first == null || first.to() == null ? null : first.to().toString(),
                        first == null || first.optOutListDate() == null ? "none loaded"
                                : first.optOutListDate().toString(), charts, spots,
                        spots == null ? null : "/analytics/" + measure.code() + "/hot-spots.csv" + query(null, to));
            }));
        }).onFailure().transform(failure -> Failures.is(failure, 403)
                ? new PortalException(403, "You cannot see population analytics",
                        String.join(" ", Failures.messages(failure, "The access policy refused.")))
                : Failures.is(failure, 400) ? new PortalException(400, "Check the period",
                        String.join(" ", Failures.messages(failure, "The period is not valid.")))
                : Failures.unavailable("record", failure));
    }

    public Uni<String> csv(String measure, Breakdown by, String from, String to) {
        return client.tableCsv(measure, by, from, to).onFailure()
                .transform(failure -> Failures.unavailable("record", failure));
    }

    public Uni<String> hotSpotsCsv(String measure, String to) {
        return client.hotSpotsCsv(measure, to).onFailure()
                .transform(failure -> Failures.unavailable("record", failure));
    }

    private Chart chart(Measure measure, AnalyticsTable table, String from, String to) {
        String id = "chart-" + table.by().code();
        String heading = switch (table.by()) {
            case WEEK -> "By week";
            case DISTRICT -> "By postcode district";
            case AGE_BAND -> "By age band";
            case SEX -> "By sex";
            case ETHNICITY -> "By ethnic group";
            case SITE -> "By site";
        };
        String title = measure.title() + ", " + heading.toLowerCase();
        String svg;
        if (table.by() == Breakdown.WEEK) {
            svg = SvgCharts.line(id, title, table.cells());
        } else if (table.by() == Breakdown.DISTRICT) {
            Map<String, Cell> byDistrict = new LinkedHashMap<>();
            table.cells().forEach(cell -> byDistrict.put(cell.group(), cell));
            svg = map.svg(id, title, byDistrict);
        } else {
            svg = SvgCharts.bars(id, title, table.cells());
        }
        return new Chart(id, heading, svg, table, "/analytics/" + measure.code() + "/" + table.by().code() + ".csv"
                + query(from, to));
    }

    private static String query(String from, String to) {
        StringBuilder query = new StringBuilder();
        if (from != null) {
            query.append(query.isEmpty() ? "?" : "&").append("from=").append(URLEncoder.encode(from,
                    StandardCharsets.UTF_8));
        }
        if (to != null) {
            query.append(query.isEmpty() ? "?" : "&").append("to=").append(URLEncoder.encode(to,
                    StandardCharsets.UTF_8));
        }
        return query.toString();
    }
}
