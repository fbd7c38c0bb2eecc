package org.kmcr.consent.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.kmcr.common.consent.AccessDecision;
import org.kmcr.common.consent.AccessRequest;
import org.kmcr.common.security.Roles;
import org.kmcr.consent.service.AccessDecisionService;

/**
 * Access decisions for record-query, which calls with its own client-credentials token and names the end user
 * in the body. A denial is an answer, not an error: always 200 with the decision as data.
 */
@Path("/api/access-decisions")
@Authenticated
public class AccessDecisionResource {

    private final AccessDecisionService service;

    AccessDecisionResource(AccessDecisionService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed(Roles.ACCESS_DECIDER)
    public Uni<AccessDecision> decide(@Valid @NotNull AccessRequest request) {
        return service.decide(request);
    }
}
