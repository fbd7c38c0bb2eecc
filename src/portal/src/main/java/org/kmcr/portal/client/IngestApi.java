package org.kmcr.portal.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** Ingest's feed health ({@code src/ingest}, {@code GET /api/feed-health}), as the signed-in privacy officer. */
@RegisterRestClient(configKey = "ingest")
@RegisterProvider(UserToken.class)
@Path("/api/feed-health")
@Produces(MediaType.APPLICATION_JSON)
public interface IngestApi {

    @GET
    Uni<List<FeedHealth>> feedHealth();
}
