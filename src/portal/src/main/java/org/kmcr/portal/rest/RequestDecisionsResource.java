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

/** The privacy officer's queue of citizens' objections and restrictions to accept or reject. */
@Path("/privacy/requests")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.PRIVACY_OFFICER)
public class RequestDecisionsResource {

    private final RequestDecisions decisions;

    RequestDecisionsResource(RequestDecisions decisions) {
        this.decisions = decisions;
    }

    @GET
    public Uni<Response> queue() {
        return FormAnswers.show(page(List.of()));
    }

    @POST
    @Path("{id}/decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> decide(@PathParam("id") UUID id, @RestForm String outcome, @RestForm String note,
            @RestForm String contact) {
        return FormAnswers.answer(decisions.decideDirective(id, outcome, note, contact), "/privacy/requests",
                this::page);
    }

    private Uni<TemplateInstance> page(List<String> errors) {
        return decisions.waitingDirectives().map(waiting -> Pages.requestDecisions(waiting, errors));
    }
}
