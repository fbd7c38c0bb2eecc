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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.kmcr.common.consent.SharingPartner;

/** Consent ({@code src/consent}): the sharing partners' names and the privacy officer's review queue. */
@RegisterRestClient(configKey = "consent")
@RegisterProvider(UserToken.class)
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ConsentApi {

    @GET
    @Path("/sharing-partners")
    Uni<List<SharingPartner>> sharingPartners();

    @GET
    @Path("/break-glass-reviews")
    Uni<List<AccessReview>> reviews(@QueryParam("status") String status, @QueryParam("page") int page,
            @QueryParam("size") int size);

    @POST
    @Path("/break-glass-reviews/{id}/outcome")
    Uni<AccessReview> close(@PathParam("id") UUID id, ReviewOutcome outcome);

    /** A privacy officer's finding on one reviewed access. */
    record ReviewOutcome(String outcome, String note) {
    }
}
