package org.kmcr.portal.client;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.kmcr.common.analytics.AnalyticsTable;
import org.kmcr.common.analytics.Breakdown;
import org.kmcr.common.analytics.HotSpotTable;
import org.kmcr.common.analytics.Measure;

/** Record's analytics, as the signed-in analyst: the one bean the portal's dashboard calls it through. */
@ApplicationScoped
public class AnalyticsClient {

    private final AnalyticsRecordApi api;

    AnalyticsClient(@RestClient AnalyticsRecordApi api) {
        this.api = api;
    }

    public Uni<List<Measure>> measures() {
        return api.measures();
    }

    public Uni<AnalyticsTable> table(String measure, Breakdown by, String from, String to) {
        return api.table(measure, by.code(), from, to);
    }

    public Uni<String> tableCsv(String measure, Breakdown by, String from, String to) {
        return api.tableCsv(measure, by.code(), from, to);
    }

    public Uni<HotSpotTable> hotSpots(String measure, String to) {
        return api.hotSpots(measure, to);
    }

    public Uni<String> hotSpotsCsv(String measure, String to) {
        return api.hotSpotsCsv(measure, to);
    }
}
