package org.kmcr.portal.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.kmcr.common.consent.BreakGlass;
import org.kmcr.common.record.RecordSummary;
import org.kmcr.common.record.TimelinePage;

/** Record query ({@code src/record}), in the common record contract, as the signed-in user. */
@RegisterRestClient(configKey = "record")
@RegisterProvider(UserToken.class)
@Path("/api/records/{nhsNumber}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface RecordApi {

    @GET
    @Path("/summary")
    Uni<RecordSummary> summary(@PathParam("nhsNumber") String nhsNumber);

    @POST
    @Path("/break-glass")
    Uni<RecordSummary> breakGlass(@PathParam("nhsNumber") String nhsNumber, BreakGlass breakGlass);

    @POST
    @Path("/self-claim")
    Uni<RecordSummary> selfClaim(@PathParam("nhsNumber") String nhsNumber, SelfClaimRequest claim);

    @GET
    @Path("/timeline")
    Uni<TimelinePage> timeline(@PathParam("nhsNumber") String nhsNumber, @QueryParam("type") String type,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);

    /** The body of a self-claim: why the professional's organisation cares for the person. */
    record SelfClaimRequest(String reason) {
    }
}
