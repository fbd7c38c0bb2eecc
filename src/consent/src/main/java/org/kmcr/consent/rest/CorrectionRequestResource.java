package org.kmcr.consent.rest;

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
import java.util.List;
import java.util.UUID;
import org.kmcr.common.audit.GovernanceAudit;
import org.kmcr.common.consent.CorrectionDecision;
import org.kmcr.common.consent.CorrectionRequestView;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.common.security.Caller;
import org.kmcr.common.security.CurrentCaller;
import org.kmcr.common.security.Roles;
import org.kmcr.consent.mapping.CorrectionRequestViews;
import org.kmcr.consent.service.CorrectionRequestService;

/**
 * Correction requests as the source organisation sees them: its professionals list and answer the requests routed
 * to their own organisation; the region's privacy officers those of any. Every call is audited first.
 */
@Path("/api/correction-requests")
@Authenticated
public class CorrectionRequestResource {

    static final String LIST = "consent.correction.list";
    static final String DECIDE = "consent.correction.decide";

    private final CorrectionRequestService service;
    private final GovernanceAudit audit;
    private final CurrentCaller caller;

    CorrectionRequestResource(CorrectionRequestService service, GovernanceAudit audit, CurrentCaller caller) {
        this.service = service;
        this.audit = audit;
        this.caller = caller;
    }

    /** Newest first; of one source organisation and one status (open, corrected, declined) when given. */
    @GET
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.CLINICIAN, Roles.SOCIAL_WORKER})
    public Uni<List<CorrectionRequestView>> list(
            @QueryParam("sourceOrg") @Pattern(regexp = Patterns.ODS_CODE, message = "must be an ODS code")
            String sourceOrg,
            @QueryParam("status") @Pattern(regexp = "open|corrected|declined",
                    message = "must be open, corrected or declined") String status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        Caller staff = caller.get();
        return audit.record(LIST).chain(() -> service.routed(staff, sourceOrg, status, page, size))
                .map(entries -> entries.stream().map(CorrectionRequestViews::of).toList());
    }

    /** Answers a request: 404 when there is none for the caller's organisation, 409 when already answered. */
    @POST
    @Path("/{id}/decision")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.CLINICIAN, Roles.SOCIAL_WORKER})
    public Uni<CorrectionRequestView> decide(@PathParam("id") UUID id, @Valid @NotNull CorrectionDecision body) {
        Caller staff = caller.get();
        return service.find(id, staff).chain(found -> {
            if (found == null) {
                throw ProblemException.notFound("There is no correction request " + id + " for your organisation");
            }
            return audit.record(DECIDE, null, found.nhsNumber);
        }).chain(() -> service.decide(id, body, staff)).map(CorrectionRequestViews::of);
    }
}
