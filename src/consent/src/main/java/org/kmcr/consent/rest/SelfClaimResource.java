package org.kmcr.consent.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.kmcr.common.consent.SelfClaim;
import org.kmcr.common.security.CurrentCaller;
import org.kmcr.common.security.Roles;
import org.kmcr.consent.service.SelfClaimService;

/** Professionals' self-claimed relationships, passed on by record-query with the user from their token. */
@Path("/api/self-claims")
@Authenticated
public class SelfClaimResource {

    private final SelfClaimService service;
    private final CurrentCaller caller;

    SelfClaimResource(SelfClaimService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    /** 204 once the claim is recorded (or already current); 403 with the reason when it may not be made. */
    @POST
    @RolesAllowed(Roles.ACCESS_DECIDER)
    public Uni<Void> claim(@Valid @NotNull SelfClaim claim) {
        return service.claim(claim, caller.get().clientId());
    }
}
