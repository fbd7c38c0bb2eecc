package org.kmcr.audit.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.kmcr.audit.service.GovernanceReads;
import org.kmcr.auditverifier.SignedCheckpoint;
import org.kmcr.common.security.CurrentCaller;
import org.kmcr.common.security.Roles;

/** Signed checkpoints of the audit chain's head: take one now, or fetch one to keep elsewhere. */
@Path("/api/audit-checkpoints")
@Authenticated
public class CheckpointResource {

    private final GovernanceReads governance;
    private final CurrentCaller currentCaller;

    CheckpointResource(GovernanceReads governance, CurrentCaller currentCaller) {
        this.governance = governance;
        this.currentCaller = currentCaller;
    }

    @POST
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    public Uni<Response> take() {
        return governance.checkpoint(currentCaller.get()).map(checkpoint -> Response
                .created(URI.create("/api/audit-checkpoints/" + checkpoint.sequence())).entity(checkpoint).build());
    }

    @GET
    @Path("/latest")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    public Uni<SignedCheckpoint> latest() {
        return governance.latestCheckpoint(currentCaller.get());
    }

    @GET
    @Path("/{sequence:\\d+}")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    public Uni<SignedCheckpoint> at(@PathParam("sequence") long sequence) {
        return governance.checkpointAt(currentCaller.get(), sequence);
    }
}
