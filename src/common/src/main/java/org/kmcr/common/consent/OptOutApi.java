package org.kmcr.common.consent;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** Consent's national data opt-out, as a service reads it, called with this service's own client-credentials token. */
@RegisterRestClient(configKey = "consent")
@OidcClientFilter
@Path("/api/national-data-opt-out")
interface OptOutApi {

    /** The path of {@link #exclusions()}, shared with consent's resource. */
    String EXCLUSIONS = "/exclusions";

    @GET
    @Path(EXCLUSIONS)
    Uni<OptOutExclusions> exclusions();
}
