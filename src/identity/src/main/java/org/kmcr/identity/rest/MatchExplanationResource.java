package org.kmcr.identity.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.kmcr.common.security.CurrentCaller;
import org.kmcr.common.security.Roles;
import org.kmcr.identity.service.ExplanationService;

/** How any two source identities compare, for a privacy officer weighing a link or a merge. */
@Path("/api/match-explanations")
@Authenticated
public class MatchExplanationResource {

    private final ExplanationService service;
    private final CurrentCaller currentCaller;

    MatchExplanationResource(ExplanationService service, CurrentCaller currentCaller) {
        this.service = service;
        this.currentCaller = currentCaller;
    }

    /** Scores the pair now; 404 when either is unknown. Audited. */
    @POST
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.DATA_QUALITY})
    public Uni<PairExplanationView> explain(@Valid @NotNull PairRequest pair) {
        return service.pair(pair.left(), pair.right(), currentCaller.get()).map(PairExplanationView::of);
    }
}
