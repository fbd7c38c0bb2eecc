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
import org.kmcr.portal.service.AccessReviews;

/** The privacy officer's alerts queue: break-glass and self-claimed accesses to review, and those reviewed. */
@Path("/privacy/reviews")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.PRIVACY_OFFICER)
public class ReviewsResource {

    private final AccessReviews reviews;

    ReviewsResource(AccessReviews reviews) {
        this.reviews = reviews;
    }

    @GET
    public Uni<Response> queue() {
        return page(List.of(), 200);
    }

    @POST
    @Path("{id}/outcome")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> close(@PathParam("id") UUID id, @RestForm String outcome, @RestForm String note) {
        return reviews.close(id, outcome, note).chain(errors -> errors.isEmpty()
                ? Uni.createFrom().item(Response.seeOther(URI.create("/privacy/reviews")).build())
                : page(errors, 400));
    }

    private Uni<Response> page(List<String> errors, int status) {
        return reviews.open().chain(open -> reviews.closed().map(closed ->
                Response.status(status).entity(Pages.reviews(open, closed, errors)).build()));
    }
}
