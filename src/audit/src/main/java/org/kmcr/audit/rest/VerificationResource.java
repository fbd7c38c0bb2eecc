package org.kmcr.audit.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.kmcr.audit.service.AuditLogService;
import org.kmcr.audit.service.ChainVerification;
import org.kmcr.common.security.Roles;

/** Recomputes the audit chain on demand. */
@Path("/api/audit-verification")
@Authenticated
public class VerificationResource {

    private final AuditLogService service;

    VerificationResource(AuditLogService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    public Uni<ChainVerification> verify() {
        return service.verify();
    }
}
