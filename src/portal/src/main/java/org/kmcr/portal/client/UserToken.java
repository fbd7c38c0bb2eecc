package org.kmcr.portal.client;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Puts the signed-in user's own access token (from the code flow) on every call to a service, so each service
 * decides and audits for that user, never for the portal. A call without a signed-in user is not made.
 */
@ApplicationScoped
public class UserToken implements ClientRequestFilter {

    private final SecurityIdentity identity;

    UserToken(SecurityIdentity identity) {
        this.identity = identity;
    }

    @Override
    public void filter(ClientRequestContext request) {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token == null || token.getToken() == null) {
            throw new IllegalStateException("No signed-in user's access token to call " + request.getUri().getHost());
        }
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token.getToken());
    }
}
