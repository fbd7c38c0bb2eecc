package org.kmcr.consent.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.kmcr.common.audit.GovernanceAudit;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.common.security.CurrentCaller;
import org.kmcr.common.security.Roles;
import org.kmcr.consent.model.OptOutList;
import org.kmcr.consent.service.OptOutService;

/** The national data opt-out list: replaced whole by a privacy officer, audited first; never listed back. */
@Path("/api/national-data-opt-out")
@Authenticated
public class OptOutResource {

    static final String REPLACE = "consent.opt-out.replace";

    private final OptOutService service;
    private final GovernanceAudit audit;
    private final CurrentCaller caller;

    OptOutResource(OptOutService service, GovernanceAudit audit, CurrentCaller caller) {
        this.service = service;
        this.audit = audit;
        this.caller = caller;
    }

    /** Replaces the current list atomically; answers its date and size. */
    @PUT
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    public Uni<OptOutList> replace(@Valid @NotNull OptOutListBody body) {
        return audit.record(REPLACE)
                .chain(() -> service.replace(body.listDate(), body.nhsNumbers(), caller.get().userId()));
    }

    /** The current list's date, when it was loaded and its size; 404 when none was ever loaded. */
    @GET
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    public Uni<OptOutList> current() {
        return service.current().map(info -> {
            if (info == null) {
                throw ProblemException.notFound("No national data opt-out list has been loaded");
            }
            return info;
        });
    }
}
