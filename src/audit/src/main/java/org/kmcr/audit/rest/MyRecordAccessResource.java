package org.kmcr.audit.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.kmcr.audit.service.AuditLogService;
import org.kmcr.audit.service.OrganisationNames;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.common.security.Caller;
import org.kmcr.common.security.CurrentCaller;
import org.kmcr.common.security.Roles;

/**
 * "Who looked at my record": a citizen's own access log, and only their own. It lists disclosures of the record
 * (actions {@code record.*}) and carries no system-wide counter such as the audit sequence.
 */
@Path("/api/me/record-accesses")
@Authenticated
public class MyRecordAccessResource {

    private final AuditLogService service;
    private final CurrentCaller currentCaller;
    private final OrganisationNames names;

    MyRecordAccessResource(AuditLogService service, CurrentCaller currentCaller, OrganisationNames names) {
        this.service = service;
        this.currentCaller = currentCaller;
        this.names = names;
    }

    @GET
    @RolesAllowed(Roles.PATIENT)
    public Uni<List<RecordAccessView>> list(
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        Caller caller = currentCaller.get();
        if (caller.nhsNumber() == null) {
            throw ProblemException.forbidden("Your account is not linked to an NHS number");
        }
        return service.recordAccessesTo(caller.nhsNumber(), page, size).chain(entries -> names.organisationNames()
                .map(known -> entries.stream().map(entry -> RecordAccessView.of(entry, known)).toList()));
    }
}
