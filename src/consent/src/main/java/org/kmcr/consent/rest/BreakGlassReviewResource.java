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
import org.kmcr.common.security.CurrentCaller;
import org.kmcr.common.security.Roles;
import org.kmcr.consent.service.BreakGlassReviewService;

/** The privacy officers' queue of accesses to judge (break glass, self-claims); every call is audited first. */
@Path("/api/break-glass-reviews")
@Authenticated
public class BreakGlassReviewResource {

    static final String LIST = "consent.review.list";
    static final String CLOSE = "consent.review.close";

    private final BreakGlassReviewService service;
    private final CurrentCaller currentCaller;
    private final GovernanceAudit audit;

    BreakGlassReviewResource(BreakGlassReviewService service, CurrentCaller currentCaller, GovernanceAudit audit) {
        this.service = service;
        this.currentCaller = currentCaller;
        this.audit = audit;
    }

    /** Newest first; all reviews unless a status (open or closed) is given. */
    @GET
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    public Uni<List<BreakGlassReviewView>> list(
            @QueryParam("status") @Pattern(regexp = "open|closed", message = "must be open or closed") String status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return audit.record(LIST).chain(() -> service.list(status, page, size)).map(reviews -> reviews.stream().map(BreakGlassReviewView::of).toList());
    }

    /**
     * Closes a review with the officer's judgement: 404 when unknown, 409 when already closed, 403 for a review of
     * the officer's own access.
     */
    @POST
    @Path("/{id}/outcome")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    public Uni<BreakGlassReviewView> close(@PathParam("id") UUID id, @Valid @NotNull ReviewOutcomeBody body) {
        String reviewer = currentCaller.get().userId();
        return audit.record(CLOSE).chain(() -> service.close(id, body.outcome(), body.note(), reviewer))
                .map(BreakGlassReviewView::of);
    }
}
