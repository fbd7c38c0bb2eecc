package org.kmcr.identity.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.kmcr.common.security.CurrentCaller;
import org.kmcr.common.security.Roles;
import org.kmcr.identity.service.MergeService;

/** Merges of persons, and their undoing. */
@Path("/api/person-merges")
@Authenticated
public class PersonMergeResource {

    private final MergeService merges;
    private final CurrentCaller currentCaller;

    PersonMergeResource(MergeService merges, CurrentCaller currentCaller) {
        this.merges = merges;
        this.currentCaller = currentCaller;
    }

    /** Restores exactly the links there were before the merge: 404 unknown, 409 undone already or moved since. */
    @POST
    @Path("/{id}/unmerge")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    public Uni<PersonMergeView> unmerge(@PathParam("id") UUID id) {
        return merges.unmerge(id, currentCaller.get()).map(PersonMergeView::of);
    }
}
