package org.kmcr.portal.rest;

import io.quarkus.qute.TemplateInstance;
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
        return FormAnswers.show(page(List.of()));
    }

    @POST
    @Path("{id}/outcome")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> close(@PathParam("id") UUID id, @RestForm String outcome, @RestForm String note) {
        return FormAnswers.answer(reviews.close(id, outcome, note), "/privacy/reviews", this::page);
    }

    private Uni<TemplateInstance> page(List<String> errors) {
        return reviews.open().chain(open -> reviews.closed().map(closed -> Pages.reviews(open, closed, errors)));
    }
}
