package org.kmcr.audit.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.kmcr.audit.service.GovernanceReads;
import org.kmcr.auditverifier.ConsistencyProof;
import org.kmcr.auditverifier.InclusionProof;
import org.kmcr.common.security.CurrentCaller;
import org.kmcr.common.security.Roles;

/**
 * Merkle proofs of the audit log (RFC 9162): an entry is in the log of a given size, and the log of one size is a
 * prefix of the log of a larger one. Check them against signed checkpoints, e.g. with the stand-alone verifier.
 */
@Path("/api/audit-proofs")
@Authenticated
public class ProofResource {

    private final GovernanceReads governance;
    private final CurrentCaller currentCaller;

    ProofResource(GovernanceReads governance, CurrentCaller currentCaller) {
        this.governance = governance;
        this.currentCaller = currentCaller;
    }

    @GET
    @Path("/inclusion")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    public Uni<InclusionProof> inclusion(@QueryParam("sequence") @NotNull @Min(1) Long sequence,
            @QueryParam("treeSize") @NotNull @Min(1) Long treeSize) {
        return governance.inclusionProof(currentCaller.get(), sequence, treeSize);
    }

    @GET
    @Path("/consistency")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    public Uni<ConsistencyProof> consistency(@QueryParam("from") @NotNull @Min(1) Long from,
            @QueryParam("to") @NotNull @Min(1) Long to) {
        return governance.consistencyProof(currentCaller.get(), from, to);
    }
}
