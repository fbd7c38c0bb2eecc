package org.kmcr.identity.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.kmcr.common.identity.IdentityEventPage;
import org.kmcr.common.security.Roles;
import org.kmcr.identity.service.IdentityEventService;

/**
 * The ordered feed of link changes (link, pending review, separate, unlink, merge, unmerge) for other services:
 * only service clients holding {@code identity-reader} may follow it (a system role, never on a person's token).
 * It names persons and source identities by id only: no demographics.
 */
@Path("/api/identity-events")
@Authenticated
public class IdentityEventResource {

    private final IdentityEventService service;

    IdentityEventResource(IdentityEventService service) {
        this.service = service;
    }

    /** The events after the cursor ({@code after}, 0 for the beginning), oldest first. */
    @GET
    @RolesAllowed(Roles.IDENTITY_READER)
    public Uni<IdentityEventPage> after(@QueryParam("after") @DefaultValue("0") @Min(0) long after,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(IdentityEventPage.MAX_PAGE) int limit) {
        return service.after(after, limit);
    }
}
