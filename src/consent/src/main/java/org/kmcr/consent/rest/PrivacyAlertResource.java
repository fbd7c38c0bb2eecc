package org.kmcr.consent.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.kmcr.common.consent.Basis;
import org.kmcr.common.consent.PrivacyAlert;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.common.security.Roles;
import org.kmcr.consent.service.BreakGlassReviewService;

/**
 * Disclosures that oblige a privacy officer alert, reported by record-query after their audit event committed:
 * each queues one review, however often it is reported.
 */
@Path("/api/privacy-alerts")
@Authenticated
public class PrivacyAlertResource {

    static final java.util.Set<Basis> REVIEWED_BASES = java.util.EnumSet.of(Basis.BREAK_GLASS, Basis.SELF_CLAIMED);

    private final BreakGlassReviewService reviews;

    PrivacyAlertResource(BreakGlassReviewService reviews) {
        this.reviews = reviews;
    }

    /** 204 once the review is queued (or was already). */
    @POST
    @RolesAllowed(Roles.ACCESS_DECIDER)
    public Uni<Void> alert(@Valid @NotNull PrivacyAlert alert) {
        if (!REVIEWED_BASES.contains(alert.basis())) {
            throw ProblemException.unprocessable("Only break-glass and self-claimed accesses are reviewed, not "
                    + alert.basis().code());
        }
        return reviews.queue(alert).replaceWithVoid();
    }
}
