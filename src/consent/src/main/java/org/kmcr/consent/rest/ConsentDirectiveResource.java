package org.kmcr.consent.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.kmcr.common.audit.GovernanceAudit;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.common.security.CurrentCaller;
import org.kmcr.common.security.Roles;
import org.kmcr.consent.mapping.ConsentResources;
import org.kmcr.consent.model.ConsentDirective;
import org.kmcr.consent.service.DirectiveService;

/**
 * Objections, restrictions and consents to share, kept as FHIR Consent resources, for privacy officers: record one
 * after review, decide a citizen's queued request, withdraw one, and list them. Every read is audited before it is
 * answered; every change is audited through the audit outbox, in its own transaction (DirectiveService).
 */
@Path("/api/consent-directives")
@Authenticated
@Produces(ConsentResources.FHIR_JSON)
public class ConsentDirectiveResource {

    static final String READ = "consent.directive.read";

    private final DirectiveService service;
    private final ConsentResources resources;
    private final GovernanceAudit audit;
    private final CurrentCaller caller;

    ConsentDirectiveResource(DirectiveService service, ConsentResources resources, GovernanceAudit audit,
            CurrentCaller caller) {
        this.service = service;
        this.resources = resources;
        this.audit = audit;
        this.caller = caller;
    }

    /** 201 with the Consent, in force from the next access decision. */
    @POST
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    public Uni<Response> record(@Valid @NotNull DirectiveBody body) {
        return service.record(body.toEntity(), caller.get())
                .map(saved -> Response.created(URI.create("/api/consent-directives/" + saved.id))
                        .entity(resources.toJson(saved)).build());
    }

    /** A searchset Bundle, newest first, of one person's directives and of one status when given. */
    @GET
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    public Uni<String> list(
            @QueryParam("nhsNumber") @Pattern(regexp = Patterns.NHS_NUMBER, message = "must be 10 digits")
            String nhsNumber,
            @QueryParam("status") @Pattern(regexp = "requested|active|rejected|withdrawn",
                    message = "must be requested, active, rejected or withdrawn") String status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return audit.record(READ, null, nhsNumber).chain(() -> service.list(nhsNumber, status, page, size))
                .map(resources::toBundle);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    public Uni<String> get(@PathParam("id") UUID id) {
        return existing(id).chain(found -> audit.record(READ, null, found.nhsNumber)
                .map(ignored -> resources.toJson(found)));
    }

    /** Accepts or rejects a citizen's queued request. */
    @POST
    @Path("/{id}/decision")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    public Uni<String> decide(@PathParam("id") UUID id, @Valid @NotNull DirectiveDecisionBody body) {
        return existing(id).chain(() -> service.decide(id, "accept".equals(body.outcome()), body.note(), body.contact(),
                        caller.get()))
                .map(resources::toJson);
    }

    /** Withdraws a directive in force. */
    @POST
    @Path("/{id}/withdrawal")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    public Uni<String> withdraw(@PathParam("id") UUID id, @Valid @NotNull DirectiveDecisionBody.Note body) {
        return existing(id).chain(() -> service.withdraw(id, body.note(), caller.get()))
                .map(resources::toJson);
    }

    private Uni<ConsentDirective> existing(UUID id) {
        return service.find(id).map(found -> {
            if (found == null) {
                throw ProblemException.notFound("There is no consent directive " + id);
            }
            return found;
        });
    }
}
