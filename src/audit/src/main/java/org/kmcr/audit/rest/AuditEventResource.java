package org.kmcr.audit.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.kmcr.audit.service.AuditLogService;
import org.kmcr.audit.service.GovernanceReads;
import org.kmcr.common.audit.AuditEvent;
import org.kmcr.common.security.CurrentCaller;
import org.kmcr.common.security.Roles;

/** The audit log: services append to it; privacy officers search it, and their reads are audited too. */
@Path("/api/audit-events")
@Authenticated
public class AuditEventResource {

    private final AuditLogService service;
    private final GovernanceReads governance;
    private final CurrentCaller currentCaller;

    AuditEventResource(AuditLogService service, GovernanceReads governance, CurrentCaller currentCaller) {
        this.service = service;
        this.governance = governance;
        this.currentCaller = currentCaller;
    }

    /** Appends an event; answers 201 only after it is committed. */
    @POST
    @RolesAllowed(Roles.AUDIT_WRITER)
    public Uni<Response> append(@Valid @NotNull AuditEvent event) {
        return service.append(event).map(receipt -> Response
                .created(URI.create("/api/audit-events/" + receipt.sequence())).entity(receipt).build());
    }

    @GET
    @Path("/{sequence}")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    public Uni<AuditEntryView> get(@PathParam("sequence") long sequence) {
        return governance.entry(currentCaller.get(), sequence).map(AuditEntryView::of);
    }

    @GET
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    public Uni<List<AuditEntryView>> search(
            @QueryParam("nhsNumber") @NotNull @Pattern(regexp = "\\d{10}") String nhsNumber,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return governance.search(currentCaller.get(), nhsNumber, page, size)
                .map(entries -> entries.stream().map(AuditEntryView::of).toList());
    }
}
