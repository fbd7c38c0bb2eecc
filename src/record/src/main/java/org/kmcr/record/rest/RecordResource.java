package org.kmcr.record.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.kmcr.common.security.CurrentCaller;
import org.kmcr.common.security.Roles;
import org.kmcr.record.mapping.SummaryMapper;
import org.kmcr.record.mapping.SummaryView;
import org.kmcr.record.service.SummaryService;

/** A person's summary for professionals (with a care relationship, or breaking glass) and for the person. */
@Path("/api/records/{nhsNumber}")
@Authenticated
public class RecordResource {

    static final String SUMMARY_READ = "record.summary.read";

    private final SummaryService service;
    private final SummaryMapper mapper;
    private final CurrentCaller caller;

    RecordResource(SummaryService service, SummaryMapper mapper, CurrentCaller caller) {
        this.service = service;
        this.mapper = mapper;
        this.caller = caller;
    }

    @GET
    @Path("/summary")
    @RolesAllowed({Roles.CLINICIAN, Roles.SOCIAL_WORKER, Roles.PATIENT})
    public Uni<SummaryView> summary(@PathParam("nhsNumber") String nhsNumber) {
        return service.disclose(caller.get(), nhsNumber, SUMMARY_READ, null).map(mapper::toView);
    }

    /**
     * A professional's own claim that their organisation cares for the person, then the summary: the claim lasts
     * 30 days and every access on it is queued for a privacy officer's review.
     */
    @POST
    @Path("/self-claim")
    @RolesAllowed({Roles.CLINICIAN, Roles.SOCIAL_WORKER})
    public Uni<SummaryView> selfClaim(@PathParam("nhsNumber") String nhsNumber,
            @Valid @NotNull SelfClaimRequest request) {
        return service.claimAndDisclose(caller.get(), nhsNumber, SUMMARY_READ, request.reason().strip())
                .map(mapper::toView);
    }

    /** Emergency access without a care relationship: allowed, audited as such, and queued for review. */
    @POST
    @Path("/break-glass")
    @RolesAllowed({Roles.CLINICIAN, Roles.SOCIAL_WORKER})
    public Uni<SummaryView> breakGlass(@PathParam("nhsNumber") String nhsNumber,
            @Valid @NotNull BreakGlassRequest request) {
        return service.disclose(caller.get(), nhsNumber, SUMMARY_READ, request.reason().trim()).map(mapper::toView);
    }
}
