package org.kmcr.common.consent;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The consent service, called with this service's own client-credentials token. */
@RegisterRestClient(configKey = "consent")
@OidcClientFilter
@Path("/api")
interface ConsentApi {

    @POST
    @Path("/access-decisions")
    Uni<AccessDecision> decide(AccessRequest request);

    @POST
    @Path("/privacy-alerts")
    Uni<Void> alert(PrivacyAlert alert);

    @POST
    @Path("/self-claims")
    Uni<Void> selfClaim(SelfClaim claim);

    @GET
    @Path("/sharing-partners")
    Uni<List<SharingPartner>> sharingPartners();

    @GET
    @Path("/sharing-partners/{odsCode}")
    Uni<SharingPartner> sharingPartner(@PathParam("odsCode") String odsCode);

    @POST
    @Path("/relationship-assertions")
    Uni<AssertionOutcome> assertRelationship(RelationshipAssertion assertion);
}
