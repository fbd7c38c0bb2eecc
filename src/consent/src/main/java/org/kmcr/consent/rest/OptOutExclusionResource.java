package org.kmcr.consent.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.kmcr.common.audit.GovernanceAudit;
import org.kmcr.common.consent.OptOutExclusions;
import org.kmcr.common.security.Roles;
import org.kmcr.consent.service.OptOutService;

/**
 * The opt-out list's NHS numbers for record's population analytics, which must leave these people out of every
 * figure. Only a service's client-credentials token with access-decider (record's) may read it; each read is
 * audited before the list is given.
 */
@Path("/api/national-data-opt-out/exclusions")
@Authenticated
public class OptOutExclusionResource {

    static final String READ = "consent.opt-out.exclusions.read";

    private final OptOutService optOut;
    private final GovernanceAudit audit;

    OptOutExclusionResource(OptOutService optOut, GovernanceAudit audit) {
        this.optOut = optOut;
        this.audit = audit;
    }

    @GET
    @RolesAllowed(Roles.ACCESS_DECIDER)
    public Uni<OptOutExclusions> exclusions() {
        return audit.record(READ).chain(optOut::exclusions);
    }
}
