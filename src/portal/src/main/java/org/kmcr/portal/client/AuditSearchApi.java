package org.kmcr.portal.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The audit log's search ({@code src/audit}, {@code GET /api/audit-events} with its total in {@code X-Total-Count},
 * and the same search as CSV), as the signed-in privacy officer.
 */
@RegisterRestClient(configKey = "audit")
@RegisterProvider(UserToken.class)
@Path("/api/audit-events")
public interface AuditSearchApi {

    String TOTAL_COUNT = "X-Total-Count";

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Response> search(@BeanParam Criteria criteria, @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/csv")
    @Produces("text/csv")
    Uni<Response> csv(@BeanParam Criteria criteria, @QueryParam("page") int page, @QueryParam("size") int size);

    /** The search's filters, every one optional (null: not filtered), as audit's {@code SearchParameters} reads them. */
    class Criteria {
        @QueryParam("nhsNumber")
        public String nhsNumber;
        @QueryParam("userId")
        public String userId;
        @QueryParam("org")
        public String org;
        @QueryParam("action")
        public String action;
        @QueryParam("basis")
        public String basis;
        @QueryParam("from")
        public String from;
        @QueryParam("to")
        public String to;
    }

    /**
     * One entry of the log as audit's {@code AuditEntryView} answers it (the fields the portal shows; that record
     * sits in audit's rest package, not yet in {@code src/common}; the browser journey proves both sides agree).
     */
    record Entry(long sequence, Instant occurredAt, String action, String outcome, String actorUserId,
            String actorName, String actorRole, String actorOrg, String accessBasis, String breakGlassReason,
            UUID subjectPersonId, String subjectNhsNumber, List<String> categories) {
    }
}
