package org.kmcr.portal.rest;

import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.kmcr.common.analytics.AnalyticsApi;
import org.kmcr.common.analytics.Breakdown;
import org.kmcr.common.security.Roles;
import org.kmcr.portal.service.AnalyticsDashboard;

/**
 * Population analytics for analysts: the dashboard of a measure (trend, map, bar charts, hot spots) and each of
 * its tables as CSV, exactly as record published it (the same suppression and rounding).
 */
@Path("/analytics")
@RolesAllowed(Roles.ANALYST)
public class AnalyticsResource {

    private final AnalyticsDashboard dashboard;

    AnalyticsResource(AnalyticsDashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> page(@QueryParam("measure") String measure, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return dashboard.dashboard(blankToNull(measure), blankToNull(from), blankToNull(to))
                .map(AnalyticsPages::dashboard);
    }

    @GET
    @Path("/{measure}/hot-spots.csv")
    @Produces(AnalyticsApi.CSV)
    public Uni<Response> hotSpotsCsv(@PathParam("measure") String measure, @QueryParam("to") String to) {
        return dashboard.hotSpotsCsv(measure, blankToNull(to)).map(csv -> download(csv, measure + "-hot-spots"));
    }

    @GET
    @Path("/{measure}/{by}.csv")
    @Produces(AnalyticsApi.CSV)
    public Uni<Response> csv(@PathParam("measure") String measure, @PathParam("by") String by,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        Breakdown breakdown = Breakdown.ofCode(by);
        if (breakdown == null) {
            throw new NotFoundException();
        }
        return dashboard.csv(measure, breakdown, blankToNull(from), blankToNull(to))
                .map(csv -> download(csv, measure + "-" + breakdown.code()));
    }

    private static Response download(String csv, String name) {
        return Response.ok(csv, AnalyticsApi.CSV + "; charset=UTF-8").header("Content-Disposition",
                "attachment; filename=\"" + name.replaceAll("[^a-z0-9-]", "") + ".csv\"").build();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
