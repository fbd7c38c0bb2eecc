package org.kmcr.portal.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.kmcr.common.ingest.DeadLetterNotice;
import org.kmcr.common.ingest.FeedHealth;

/**
 * Ingest's operations API ({@code src/ingest}): feed health, and the platform operator's dead-letter notices and
 * replays, as the signed-in user.
 */
@RegisterRestClient(configKey = "ingest")
@RegisterProvider(UserToken.class)
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public interface IngestApi {

    @GET
    @Path("/feed-health")
    Uni<List<FeedHealth>> feedHealth();

    @GET
    @Path("/dead-letters/notices")
    Uni<List<DeadLetterNotice>> deadLetters(@QueryParam("state") String state, @QueryParam("size") int size);

    @POST
    @Path("/dead-letters/{id}/replay")
    Uni<DeadLetterNotice> replay(@PathParam("id") UUID id);
}
