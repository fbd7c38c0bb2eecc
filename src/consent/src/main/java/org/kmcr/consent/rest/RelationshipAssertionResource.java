package org.kmcr.consent.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.kmcr.common.consent.AssertionOutcome;
import org.kmcr.common.consent.RelationshipAssertion;
import org.kmcr.common.security.CurrentCaller;
import org.kmcr.common.security.Roles;
import org.kmcr.consent.service.RelationshipService;

/**
 * Relationships that partners' messages assert, passed on by ingest. The answer is the outcome as data (verified,
 * or kept as unverified with the reason), always 200: an assertion the sender may not make is not an error in the
 * call, and the message's other contents are still stored.
 */
@Path("/api/relationship-assertions")
@Authenticated
public class RelationshipAssertionResource {

    private final RelationshipService service;
    private final CurrentCaller caller;

    RelationshipAssertionResource(RelationshipService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.RELATIONSHIP_ASSERTER)
    public Uni<AssertionOutcome> assertRelationship(@Valid @NotNull RelationshipAssertion assertion) {
        return service.assertFromSource(assertion, caller.get().clientId());
    }
}
