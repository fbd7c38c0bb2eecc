package org.kmcr.portal.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.kmcr.common.security.Roles;
import org.kmcr.portal.service.IdentityReviews;

/** The MPI's review tasks for privacy and data-quality officers: possible matches and contradicting links. */
@Path("/privacy/identity-reviews")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.PRIVACY_OFFICER, Roles.DATA_QUALITY})
public class IdentityReviewsResource {

    private final IdentityReviews reviews;

    IdentityReviewsResource(IdentityReviews reviews) {
        this.reviews = reviews;
    }

    @GET
    public Uni<Response> queue() {
        return page(List.of(), 200);
    }

    @POST
    @Path("{id}/decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> decide(@PathParam("id") UUID id, @RestForm String decision, @RestForm String note) {
        return reviews.decide(id, decision, note).chain(errors -> errors.isEmpty()
                ? Uni.createFrom().item(Response.seeOther(URI.create("/privacy/identity-reviews")).build())
                : page(errors, 400));
    }

    private Uni<Response> page(List<String> errors, int status) {
        return reviews.withStatus("open").chain(open -> reviews.withStatus("closed").map(closed ->
                Response.status(status).entity(Pages.identityReviews(open, closed, errors)).build()));
    }
}
