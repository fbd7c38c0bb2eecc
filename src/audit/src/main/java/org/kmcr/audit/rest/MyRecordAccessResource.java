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
import org.kmcr.audit.service.CitizenAccessLog;
import org.kmcr.audit.service.OrganisationNames;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.common.security.Caller;
import org.kmcr.common.security.CurrentCaller;
import org.kmcr.common.security.Roles;

/**
 * "Who looked at my record": a citizen's own access log, and only their own. It lists disclosures of the record
 * (actions {@code record.*}), each also in plain words, and carries no system-wide counter such as the audit
 * sequence, unless the citizen asks for proofs ({@code withProofs=true}): an inclusion proof names the entry's
 * place in the log and the log's size, which is the least a proof can show.
 */
@Path("/api/me/record-accesses")
@Authenticated
public class MyRecordAccessResource {

    private final CitizenAccessLog accessLog;
    private final CurrentCaller currentCaller;
    private final OrganisationNames names;

    MyRecordAccessResource(CitizenAccessLog accessLog, CurrentCaller currentCaller, OrganisationNames names) {
        this.accessLog = accessLog;
        this.currentCaller = currentCaller;
        this.names = names;
    }

    @GET
    @RolesAllowed(Roles.PATIENT)
    public Uni<List<RecordAccessView>> list(
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size,
            @QueryParam("withProofs") @DefaultValue("false") boolean withProofs) {
        Caller caller = currentCaller.get();
        if (caller.nhsNumber() == null) {
            throw ProblemException.forbidden("Your account is not linked to an NHS number");
        }
        return accessLog.accessesTo(caller.nhsNumber(), page, size, withProofs).chain(accesses -> names
                .organisationNames()
                .map(known -> accesses.stream().map(access -> RecordAccessView.of(access, known)).toList()));
    }
}
