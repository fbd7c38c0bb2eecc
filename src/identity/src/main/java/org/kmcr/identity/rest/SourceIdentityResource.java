package org.kmcr.identity.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.kmcr.common.identity.ResolvedIdentity;
import org.kmcr.common.security.Roles;
import org.kmcr.identity.service.SourceIdentityService;

/** Source identities: how ingest turns a source patient into a person. */
@Path("/api/source-identities")
@Authenticated
public class SourceIdentityResource {

    private final SourceIdentityService service;

    SourceIdentityResource(SourceIdentityService service) {
        this.service = service;
    }

    /**
     * Finds or creates the source identity and its person and links them, unless the demographics contradict the
     * person's (then the link waits for review and the answer has no person); the same answer on every retry.
     */
    @POST
    @Path("/resolve")
    @RolesAllowed(Roles.IDENTITY_RESOLVER)
    public Uni<ResolvedIdentity> resolve(@Valid @NotNull ResolveRequest request) {
        return service.resolve(request.toCommand());
    }
}
