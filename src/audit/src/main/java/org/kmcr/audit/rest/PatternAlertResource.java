package org.kmcr.audit.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.UUID;
import org.kmcr.audit.model.PatternAlert;
import org.kmcr.audit.service.PatternAlerts;
import org.kmcr.common.security.CurrentCaller;
import org.kmcr.common.security.Roles;

/**
 * Alerts on access patterns found in the audit log (many records in an hour, out of hours), for privacy officers to
 * review. Break-glass and self-claimed accesses are reviewed in consent ({@code /api/break-glass-reviews}).
 */
@Path("/api/pattern-alerts")
@Authenticated
public class PatternAlertResource {

    /** A privacy officer's finding on an alert. */
    public record Review(@NotNull @Pattern(regexp = "appropriate|inappropriate|referred") String outcome,
            @Size(max = 2000) String note) {
    }

    private final PatternAlerts alerts;
    private final CurrentCaller currentCaller;

    PatternAlertResource(PatternAlerts alerts, CurrentCaller currentCaller) {
        this.alerts = alerts;
        this.currentCaller = currentCaller;
    }

    @GET
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    public Uni<List<PatternAlert>> list(@QueryParam("status") @DefaultValue("open") @Pattern(regexp = "open|all")
            String status, @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return alerts.list(currentCaller.get(), "open".equals(status), page, size);
    }

    @POST
    @Path("/{id}/review")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    public Uni<PatternAlert> review(@PathParam("id") UUID id, @Valid @NotNull Review review) {
        return alerts.review(currentCaller.get(), id, review.outcome(), review.note());
    }
}
