package org.kmcr.record.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.kmcr.common.analytics.AnalyticsApi;
import org.kmcr.common.analytics.Measure;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.common.security.CurrentCaller;
import org.kmcr.common.security.Roles;
import org.kmcr.record.mapping.AnalyticsCsv;
import org.kmcr.record.service.AnalyticsService;

/**
 * Population analytics for analysts: the measures, a measure's published table by one breakdown, and its hot
 * spots; JSON, or CSV with {@code Accept: text/csv} or {@code ?format=csv}. Only aggregates.
 */
@Path(AnalyticsApi.MEASURES)
@Authenticated
public class AnalyticsResource {

    private final AnalyticsService service;
    private final CurrentCaller caller;

    AnalyticsResource(AnalyticsService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ANALYST)
    public Uni<List<Measure>> measures() {
        return service.measures(caller.get());
    }

    @GET
    @Path("/{code}")
    @Produces({MediaType.APPLICATION_JSON, AnalyticsApi.CSV})
    @RolesAllowed(Roles.ANALYST)
    public Uni<Response> table(@PathParam("code") String code, @QueryParam("by") String by,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        boolean csv = wantsCsv(format, headers);
        return service.table(caller.get(), code, by, from, to).map(table -> csv
                ? csv(AnalyticsCsv.table(table), code + "-" + table.by().code())
                : Response.ok(table, MediaType.APPLICATION_JSON).build());
    }

    @GET
    @Path("/{code}/hot-spots")
    @Produces({MediaType.APPLICATION_JSON, AnalyticsApi.CSV})
    @RolesAllowed(Roles.ANALYST)
    public Uni<Response> hotSpots(@PathParam("code") String code, @QueryParam("to") String to,
            @QueryParam("minimum") Integer minimum, @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        boolean csv = wantsCsv(format, headers);
        return service.hotSpots(caller.get(), code, to, minimum).map(table -> csv
                ? csv(AnalyticsCsv.hotSpots(table), code + "-hot-spots")
                : Response.ok(table, MediaType.APPLICATION_JSON).build());
    }

    private static boolean wantsCsv(String format, HttpHeaders headers) {
        if (format != null) {
            if (!"csv".equals(format) && !"json".equals(format)) {
                throw ProblemException.badRequest("format: must be csv or json");
            }
            return "csv".equals(format);
        }
        return headers.getAcceptableMediaTypes().stream().anyMatch(type -> type.isCompatible(
                MediaType.valueOf(AnalyticsApi.CSV)) && !type.isWildcardType());
    }

    private static Response csv(String body, String name) {
        return Response.ok(body, AnalyticsApi.CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + name.replaceAll("[^a-z0-9-]", "")
                        + ".csv\"").build();
    }
}
