package org.kmcr.consent.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.kmcr.common.audit.GovernanceAudit;
import org.kmcr.common.consent.CorrectionRequest;
import org.kmcr.common.consent.CorrectionRequestView;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.common.security.Caller;
import org.kmcr.common.security.CurrentCaller;
import org.kmcr.common.security.Roles;
import org.kmcr.consent.mapping.CorrectionRequestViews;
import org.kmcr.consent.service.CorrectionRequestService;

/**
 * The citizen's own correction requests: a request is routed to the organisation that recorded the entry (202),
 * which answers it; the citizen sees each request and its answer. The person is always the citizen of the token.
 */
@Path("/api/me/correction-requests")
@Authenticated
public class MyCorrectionRequestResource {

    static final String REQUEST = "consent.correction.request";
    static final String READ = "consent.correction.read-own";

    private final CorrectionRequestService service;
    private final GovernanceAudit audit;
    private final CurrentCaller caller;

    MyCorrectionRequestResource(CorrectionRequestService service, GovernanceAudit audit, CurrentCaller caller) {
        this.service = service;
        this.audit = audit;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.PATIENT)
    public Uni<Response> request(@Valid @NotNull CorrectionRequest body) {
        Caller citizen = citizen();
        return audit.record(REQUEST, null, citizen.nhsNumber())
                .chain(() -> service.request(body, citizen))
                .map(saved -> Response.accepted(CorrectionRequestViews.of(saved))
                        .location(URI.create("/api/me/correction-requests")).build());
    }

    /** The citizen's requests, newest first. */
    @GET
    @RolesAllowed(Roles.PATIENT)
    public Uni<List<CorrectionRequestView>> mine() {
        Caller citizen = citizen();
        return audit.record(READ, null, citizen.nhsNumber())
                .chain(() -> service.ofCitizen(citizen.nhsNumber(), 0, 500))
                .map(entries -> entries.stream().map(CorrectionRequestViews::of).toList());
    }

    private Caller citizen() {
        Caller citizen = caller.get();
        if (citizen.nhsNumber() == null) {
            throw ProblemException.forbidden("Your account carries no NHS number, so it has no record to correct");
        }
        return citizen;
    }
}
