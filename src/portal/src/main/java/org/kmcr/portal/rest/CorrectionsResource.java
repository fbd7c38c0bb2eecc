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
import org.kmcr.portal.service.RequestDecisions;

/**
 * Correction requests routed to the user's organisation (the region's privacy officers see all): answer each once
 * the entry is corrected at source, or say why it stays.
 */
@Path("/corrections")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.CLINICIAN, Roles.SOCIAL_WORKER, Roles.PRIVACY_OFFICER})
public class CorrectionsResource {

    private final RequestDecisions decisions;

    CorrectionsResource(RequestDecisions decisions) {
        this.decisions = decisions;
    }

    @GET
    public Uni<Response> queue() {
        return page(List.of(), 200);
    }

    @POST
    @Path("{id}/decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> answer(@PathParam("id") UUID id, @RestForm String outcome, @RestForm String note) {
        return decisions.answerCorrection(id, outcome, note).chain(errors -> errors.isEmpty()
                ? Uni.createFrom().item(Response.seeOther(URI.create("/corrections")).build())
                : page(errors, 400));
    }

    private Uni<Response> page(List<String> errors, int status) {
        return decisions.corrections("open").chain(open -> decisions.corrections(null).map(all -> Response
                .status(status).entity(Pages.corrections(open, all.stream().filter(row -> !row.isWaiting()).toList(),
                        errors)).build()));
    }
}
