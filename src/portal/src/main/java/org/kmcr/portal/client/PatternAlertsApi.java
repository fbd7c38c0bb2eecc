package org.kmcr.portal.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Audit's alerts on access patterns ({@code src/audit}, {@code /api/pattern-alerts}: many records in an hour, out of
 * hours), as the signed-in privacy officer.
 */
@RegisterRestClient(configKey = "audit")
@RegisterProvider(UserToken.class)
@Path("/api/pattern-alerts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface PatternAlertsApi {

    @GET
    Uni<List<PatternAlert>> list(@QueryParam("status") String status, @QueryParam("page") int page,
            @QueryParam("size") int size);

    @POST
    @Path("/{id}/review")
    Uni<PatternAlert> review(@PathParam("id") UUID id, Review review);

    /**
     * An alert as audit's {@code PatternAlert} answers it (that record sits in audit's model package, not yet in
     * {@code src/common}; the browser journey proves both sides agree).
     */
    record PatternAlert(UUID id, String kind, String actorUserId, String actorName, String actorOrg,
            String subjectNhsNumber, Instant occurredFrom, Instant occurredTo, String detail, Instant raisedAt,
            String status, String outcome, String note, String reviewedBy, Instant reviewedAt) {
    }

    /** A privacy officer's finding: appropriate, inappropriate or referred, with a note. */
    record Review(String outcome, String note) {
    }
}
