package org.kmcr.common.identity;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The identity service (MPI), called with this service's own client-credentials token. */
@RegisterRestClient(configKey = "identity")
@OidcClientFilter
@Path("/api")
interface IdentityApi {

    @POST
    @Path("/source-identities/resolve")
    Uni<ResolvedIdentity> resolve(SourcePatient patient);

    @POST
    @Path("/source-identities/merges")
    Uni<ResolvedIdentity> merge(SourceMerge merge);

    @GET
    @Path("/persons")
    Uni<PersonIdentities> findByNhsNumber(@QueryParam("nhsNumber") String nhsNumber);
}
