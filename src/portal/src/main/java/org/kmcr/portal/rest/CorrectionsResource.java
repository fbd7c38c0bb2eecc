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
        return FormAnswers.show(page(List.of()));
    }

    @POST
    @Path("{id}/decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> answer(@PathParam("id") UUID id, @RestForm String outcome, @RestForm String note) {
        return FormAnswers.answer(decisions.answerCorrection(id, outcome, note), "/corrections", this::page);
    }

    private Uni<TemplateInstance> page(List<String> errors) {
        return decisions.corrections("open").chain(open -> decisions.corrections(null).map(all ->
                Pages.corrections(open, all.stream().filter(row -> !row.isWaiting()).toList(), errors)));
    }
}
