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
import org.kmcr.portal.service.PatternAlerts;

/**
 * The privacy officer's alerts queue: break-glass and self-claimed accesses to review (consent's), unusual access
 * patterns (audit's: many records in an hour, out of hours), and those reviewed.
 */
@Path("/privacy/reviews")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.PRIVACY_OFFICER)
public class ReviewsResource {

    static final String PAGE = "/privacy/reviews";

    private final AccessReviews reviews;
    private final PatternAlerts patterns;

    ReviewsResource(AccessReviews reviews, PatternAlerts patterns) {
        this.reviews = reviews;
        this.patterns = patterns;
    }

    @GET
    public Uni<Response> queue() {
        return FormAnswers.show(page(List.of()));
    }

    @POST
    @Path("{id}/outcome")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> close(@PathParam("id") UUID id, @RestForm String outcome, @RestForm String note) {
        return FormAnswers.answer(reviews.close(id, outcome, note), PAGE, this::page);
    }

    @POST
    @Path("patterns/{id}/review")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> reviewPattern(@PathParam("id") UUID id, @RestForm String outcome, @RestForm String note) {
        return FormAnswers.answer(patterns.review(id, outcome, note), PAGE, this::page);
    }

    private Uni<TemplateInstance> page(List<String> errors) {
        return reviews.open().chain(open -> reviews.closed().chain(closed -> patterns.open().chain(openPatterns ->
                patterns.reviewed().map(reviewedPatterns ->
                        Pages.reviews(open, closed, openPatterns, reviewedPatterns, errors)))));
    }
}
