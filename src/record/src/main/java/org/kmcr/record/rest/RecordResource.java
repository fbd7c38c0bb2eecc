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
import org.kmcr.common.consent.Action;
import org.kmcr.common.consent.BreakGlass;
import org.kmcr.common.record.RecordSummary;
import org.kmcr.common.security.CurrentCaller;
import org.kmcr.common.security.Roles;
import org.kmcr.record.mapping.SummaryMapper;
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
    public Uni<RecordSummary> summary(@PathParam("nhsNumber") String nhsNumber) {
        return service.disclose(caller.get(), nhsNumber, Action.SUMMARY, SUMMARY_READ, null).map(mapper::toSummary);
    }

    /**
     * A professional's own claim that their organisation cares for the person, then the summary: the claim lasts
     * 30 days and every access on it is queued for a privacy officer's review.
     */
    @POST
    @Path("/self-claim")
    @RolesAllowed({Roles.CLINICIAN, Roles.SOCIAL_WORKER})
    public Uni<RecordSummary> selfClaim(@PathParam("nhsNumber") String nhsNumber,
            @Valid @NotNull SelfClaimRequest request) {
        return service.claimAndDisclose(caller.get(), nhsNumber, Action.SUMMARY, SUMMARY_READ,
                        request.reason().strip())
                .map(mapper::toSummary);
    }

    /**
     * Emergency access without a care relationship, with a reason from the fixed list and the professional's own
     * words: allowed (past an objection only for the person's vital interests), audited as such, queued for review,
     * and lasting for the break-glass window.
     */
    @POST
    @Path("/break-glass")
    @RolesAllowed({Roles.CLINICIAN, Roles.SOCIAL_WORKER})
    public Uni<RecordSummary> breakGlass(@PathParam("nhsNumber") String nhsNumber, @Valid @NotNull BreakGlass request) {
        return service.disclose(caller.get(), nhsNumber, Action.SUMMARY, SUMMARY_READ,
                new BreakGlass(request.reason(), request.text().strip())).map(mapper::toSummary);
    }
}
