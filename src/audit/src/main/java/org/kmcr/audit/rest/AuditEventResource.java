package org.kmcr.audit.rest;

import ca.uhn.fhir.context.FhirContext;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.kmcr.audit.mapping.AuditCsv;
import org.kmcr.audit.mapping.BalpAuditEvents;
import org.kmcr.audit.service.AuditLogService;
import org.kmcr.audit.service.GovernanceReads;
import org.kmcr.common.audit.AuditBatchOutcome;
import org.kmcr.common.audit.AuditEvent;
import org.kmcr.common.client.Workers;
import org.kmcr.common.security.CurrentCaller;
import org.kmcr.common.security.Roles;

/** The audit log: services append to it; privacy officers search it, and their reads are audited too. */
@Path("/api/audit-events")
@Authenticated
public class AuditEventResource {

    static final String TOTAL_COUNT = "X-Total-Count";
    /** The most events one batch request may carry. */
    public static final int MAX_BATCH = 500;

    private final AuditLogService service;
    private final GovernanceReads governance;
    private final CurrentCaller currentCaller;
    private final FhirContext fhir;

    AuditEventResource(AuditLogService service, GovernanceReads governance, CurrentCaller currentCaller,
            FhirContext fhir) {
        this.fhir = fhir;
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

    /**
     * Several events at once, for a sender's outbox: one request instead of one each. 200 with one outcome per event
     * in the order sent (a receipt, or a 409 refusal); 503 when the log could not commit them, and then none of the
     * uncommitted ones is written.
     */
    @POST
    @Path("/batch")
    @RolesAllowed(Roles.AUDIT_WRITER)
    public Uni<List<AuditBatchOutcome>> appendAll(
            @Valid @NotNull @Size(min = 1, max = MAX_BATCH) List<@NotNull AuditEvent> events) {
        return service.appendAll(events);
    }

    @GET
    @Path("/{sequence:\\d+}")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    public Uni<AuditEntryView> get(@PathParam("sequence") long sequence) {
        return governance.entry(currentCaller.get(), sequence).map(AuditEntryView::of);
    }

    /**
     * Matching entries, newest first, one page at a time; the exact number of matches is in the
     * {@code X-Total-Count} header.
     */
    @GET
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    public Uni<Response> search(@BeanParam @Valid SearchParameters parameters) {
        return governance.search(currentCaller.get(), parameters.search(), parameters.page, parameters.size)
                .map(found -> Response.ok(found.entries().stream().map(AuditEntryView::of).toList())
                        .header(TOTAL_COUNT, found.total()).build());
    }

    /** The same search as CSV, one row per entry, with the total in {@code X-Total-Count}. */
    @GET
    @Path("/csv")
    @Produces(AuditCsv.MEDIA_TYPE)
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    public Uni<Response> searchAsCsv(@BeanParam @Valid SearchParameters parameters) {
        return governance.search(currentCaller.get(), parameters.search(), parameters.page, parameters.size)
                .map(found -> Response.ok(AuditCsv.of(found.entries())).header(TOTAL_COUNT, found.total()).build());
    }

    /** The same search as a FHIR R4 searchset Bundle of IHE BALP AuditEvents, with the exact total. */
    @GET
    @Path("/fhir")
    @Produces(BalpAuditEvents.MEDIA_TYPE)
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    public Uni<String> searchAsFhir(@BeanParam @Valid SearchParameters parameters) {
        return governance.search(currentCaller.get(), parameters.search(), parameters.page, parameters.size)
                .chain(found -> Workers.call(() -> fhir.newJsonParser().encodeResourceToString(
                        BalpAuditEvents.bundle(found.entries(), found.total()))));
    }
}
