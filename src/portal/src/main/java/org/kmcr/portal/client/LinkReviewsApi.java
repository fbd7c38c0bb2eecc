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
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.kmcr.common.identity.Demographics;

/**
 * The MPI's review tasks ({@code src/identity}, {@code /api/link-reviews}): possible matches and contradicting
 * links, as the signed-in privacy or data-quality officer.
 */
@RegisterRestClient(configKey = "identity")
@RegisterProvider(UserToken.class)
@Path("/api/link-reviews")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface LinkReviewsApi {

    @GET
    Uni<List<LinkReview>> list(@QueryParam("status") String status, @QueryParam("page") int page,
            @QueryParam("size") int size);

    @POST
    @Path("/{id}/decision")
    Uni<LinkReview> decide(@PathParam("id") UUID id, Decision decision);

    /**
     * A review as identity's {@code LinkReviewView} answers it (the fields the portal shows; that record sits in
     * identity's rest package, not yet in {@code src/common}; the browser journey proves both sides agree).
     */
    record LinkReview(UUID id, String kind, String status, UUID personId, Identity incoming, List<Identity> linked,
            Instant openedAt, String decision, String decidedByName, String note, Instant decidedAt,
            BigDecimal score) {
    }

    /** One source's identity under review, with each field's evidence in words. */
    record Identity(String sourceOrg, String sourceSystem, String localId, String nhsNumber,
            Demographics demographics, Map<String, String> evidence) {
    }

    /** link, reject, separate or defer, as identity's {@code LinkDecisionBody} reads it. */
    record Decision(String decision, String note) {
    }
}
