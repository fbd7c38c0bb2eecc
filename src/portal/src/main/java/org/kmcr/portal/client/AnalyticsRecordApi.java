package org.kmcr.portal.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.kmcr.common.analytics.AnalyticsApi;
import org.kmcr.common.analytics.AnalyticsTable;
import org.kmcr.common.analytics.HotSpotTable;
import org.kmcr.common.analytics.Measure;

/** Record's population analytics ({@code org.kmcr.common.analytics}), as the signed-in analyst. */
@RegisterRestClient(configKey = "record")
@RegisterProvider(UserToken.class)
@Path(AnalyticsApi.MEASURES)
public interface AnalyticsRecordApi {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    Uni<List<Measure>> measures();

    @GET
    @Path("/{code}")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<AnalyticsTable> table(@PathParam("code") String code, @QueryParam("by") String by,
            @QueryParam("from") String from, @QueryParam("to") String to);

    @GET
    @Path("/{code}")
    @Produces(AnalyticsApi.CSV)
    Uni<String> tableCsv(@PathParam("code") String code, @QueryParam("by") String by,
            @QueryParam("from") String from, @QueryParam("to") String to);

    @GET
    @Path("/{code}/hot-spots")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<HotSpotTable> hotSpots(@PathParam("code") String code, @QueryParam("to") String to);

    @GET
    @Path("/{code}/hot-spots")
    @Produces(AnalyticsApi.CSV)
    Uni<String> hotSpotsCsv(@PathParam("code") String code, @QueryParam("to") String to);
}
