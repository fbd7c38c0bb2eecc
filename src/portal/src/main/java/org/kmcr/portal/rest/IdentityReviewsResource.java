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
        return FormAnswers.show(page(List.of()));
    }

    @POST
    @Path("{id}/decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> decide(@PathParam("id") UUID id, @RestForm String decision, @RestForm String note) {
        return FormAnswers.answer(reviews.decide(id, decision, note), "/privacy/identity-reviews", this::page);
    }

    private Uni<TemplateInstance> page(List<String> errors) {
        return reviews.withStatus("open").chain(open -> reviews.withStatus("closed").map(closed ->
                Pages.identityReviews(open, closed, errors)));
    }
}
