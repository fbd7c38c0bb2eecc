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
        return page(List.of(), 200);
    }

    @POST
    @Path("{id}/decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> decide(@PathParam("id") UUID id, @RestForm String outcome, @RestForm String note,
            @RestForm String contact) {
        return decisions.decideDirective(id, outcome, note, contact).chain(errors -> errors.isEmpty()
                ? Uni.createFrom().item(Response.seeOther(URI.create("/privacy/requests")).build())
                : page(errors, 400));
    }

    private Uni<Response> page(List<String> errors, int status) {
        return decisions.waitingDirectives()
                .map(waiting -> Response.status(status).entity(Pages.requestDecisions(waiting, errors)).build());
    }
}
