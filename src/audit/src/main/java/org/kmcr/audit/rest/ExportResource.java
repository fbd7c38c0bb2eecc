package org.kmcr.audit.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.kmcr.audit.service.GovernanceReads;
import org.kmcr.auditverifier.AuditExport;
import org.kmcr.common.security.CurrentCaller;
import org.kmcr.common.security.Roles;

/**
 * The whole audit log with its checkpoints, as JSON Lines, for the stand-alone verifier
 * ({@code kmcr-audit-verifier log}); streamed, so its size does not matter.
 */
@Path("/api/audit-export")
@Authenticated
public class ExportResource {

    private final GovernanceReads governance;
    private final CurrentCaller currentCaller;

    ExportResource(GovernanceReads governance, CurrentCaller currentCaller) {
        this.governance = governance;
        this.currentCaller = currentCaller;
    }

    @GET
    @Produces(AuditExport.MEDIA_TYPE)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    public Multi<Map<String, Object>> export() {
        return governance.export(currentCaller.get());
    }
}
