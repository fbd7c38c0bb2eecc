package org.kmcr.consent.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.kmcr.common.audit.GovernanceAudit;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.common.security.Caller;
import org.kmcr.common.security.CurrentCaller;
import org.kmcr.common.security.Roles;
import org.kmcr.consent.mapping.ConsentResources;
import org.kmcr.consent.service.DirectiveService;

/**
 * The citizen's own objections and restrictions: a request is queued for a privacy officer's review (202), never
 * applied automatically; the citizen sees their requests and what became of them. The person is always the
 * citizen of the token.
 */
@Path("/api/me/consent-directives")
@Authenticated
@Produces(ConsentResources.FHIR_JSON)
public class MyConsentDirectiveResource {

    static final String READ = "consent.directive.read-own";

    private final DirectiveService service;
    private final ConsentResources resources;
    private final GovernanceAudit audit;
    private final CurrentCaller caller;

    MyConsentDirectiveResource(DirectiveService service, ConsentResources resources, GovernanceAudit audit,
            CurrentCaller caller) {
        this.service = service;
        this.resources = resources;
        this.audit = audit;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.PATIENT)
    public Uni<Response> request(@Valid @NotNull DirectiveRequestBody body) {
        Caller citizen = citizen();
        return service.request(body.toEntity(), citizen)
                .map(saved -> Response.accepted(resources.toJson(saved))
                        .location(URI.create("/api/me/consent-directives")).build());
    }

    @GET
    @RolesAllowed(Roles.PATIENT)
    public Uni<String> mine() {
        Caller citizen = citizen();
        return audit.record(READ, null, citizen.nhsNumber())
                .chain(() -> service.list(citizen.nhsNumber(), null, 0, 500)).map(resources::toBundle);
    }

    private Caller citizen() {
        Caller citizen = caller.get();
        if (citizen.nhsNumber() == null) {
            throw ProblemException.forbidden("Your account carries no NHS number, so it has no record to direct");
        }
        return citizen;
    }
}
