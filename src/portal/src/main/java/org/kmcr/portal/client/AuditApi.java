package org.kmcr.portal.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The audit log's citizen view ({@code src/audit}, {@code GET /api/me/record-accesses}), as the citizen. */
@RegisterRestClient(configKey = "audit")
@RegisterProvider(UserToken.class)
@Path("/api/me/record-accesses")
@Produces(MediaType.APPLICATION_JSON)
public interface AuditApi {

    @GET
    Uni<List<RecordAccess>> myRecordAccesses(@QueryParam("page") int page, @QueryParam("size") int size);
}
