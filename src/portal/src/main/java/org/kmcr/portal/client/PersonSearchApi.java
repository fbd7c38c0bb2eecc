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

/** The MPI's person search ({@code src/identity}, {@code GET /api/person-search}), as the signed-in user. */
@RegisterRestClient(configKey = "identity")
@RegisterProvider(UserToken.class)
@Path("/api/person-search")
@Produces(MediaType.APPLICATION_JSON)
public interface PersonSearchApi {

    @GET
    Uni<List<PersonCandidate>> byNhsNumber(@QueryParam("nhsNumber") String nhsNumber);

    @GET
    Uni<List<PersonCandidate>> byDemographics(@QueryParam("family") String family, @QueryParam("given") String given,
            @QueryParam("birthDate") String birthDate, @QueryParam("postcode") String postcode);
}
