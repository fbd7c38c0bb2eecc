package org.kmcr.common.audit;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The audit service's write endpoint, called with this service's own client-credentials token. */
@RegisterRestClient(configKey = "audit")
@OidcClientFilter
@Path("/api/audit-events")
interface AuditApi {

    @POST
    Uni<AuditReceipt> record(AuditEvent event);

    @POST
    @Path("/batch")
    Uni<List<AuditBatchOutcome>> recordAll(List<AuditEvent> events);
}
