package org.kmcr.audit.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.kmcr.audit.service.ChainVerification;
import org.kmcr.audit.service.GovernanceReads;
import org.kmcr.audit.service.TreeCheck;
import org.kmcr.common.security.CurrentCaller;
import org.kmcr.common.security.Roles;

/** Recomputes the audit chain on demand and checks it against its signed checkpoints. */
@Path("/api/audit-verification")
@Authenticated
public class VerificationResource {

    private final GovernanceReads governance;
    private final CurrentCaller currentCaller;

    VerificationResource(GovernanceReads governance, CurrentCaller currentCaller) {
        this.governance = governance;
        this.currentCaller = currentCaller;
    }

    @GET
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    public Uni<ChainVerification> verify() {
        return governance.verify(currentCaller.get());
    }

    /**
     * Checks the Merkle tree against the newest signed checkpoint now (it is also checked on a schedule); the result
     * also becomes the {@code integrity} health group's.
     */
    @POST
    @Path("/tree-check")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    public Uni<TreeCheck> checkTree() {
        return governance.checkTree(currentCaller.get());
    }
}
