package org.kmcr.identity.rest;

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
import org.kmcr.common.security.CurrentCaller;
import org.kmcr.common.security.Roles;
import org.kmcr.identity.service.LinkReviewService;

/** The privacy officers' queue of identity links whose demographics contradict the person's. */
@Path("/api/link-reviews")
@Authenticated
public class LinkReviewResource {

    private final LinkReviewService service;
    private final CurrentCaller currentCaller;

    LinkReviewResource(LinkReviewService service, CurrentCaller currentCaller) {
        this.service = service;
        this.currentCaller = currentCaller;
    }

    /** Newest first; all reviews unless a status (open or closed) is given. Audited. */
    @GET
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.DATA_QUALITY})
    public Uni<List<LinkReviewView>> list(
            @QueryParam("status") @Pattern(regexp = "open|closed", message = "must be open or closed") String status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return service.list(status, page, size, currentCaller.get())
                .map(reviews -> reviews.stream().map(LinkReviewView::of).toList());
    }

    /** Decides a review (link or reject): 404 when unknown, 409 when already decided. Audited. */
    @POST
    @Path("/{id}/decision")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.DATA_QUALITY})
    public Uni<LinkReviewView> decide(@PathParam("id") UUID id, @Valid @NotNull LinkDecisionBody body) {
        return service.decide(id, body.decision(), body.note(), currentCaller.get()).map(LinkReviewView::of);
    }
}
