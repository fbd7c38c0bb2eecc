package org.kmcr.common.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Keeps service permissions and the partner-system role to the tokens of systems: a role in
 * {@link Roles#SYSTEM_ROLES} counts only in a client-credentials token, whose subject is the service account of
 * the very client that obtained it. A person's token (from the portal or any other client) never carries one,
 * even if an administrator assigns such a role to a user by mistake.
 */
@ApplicationScoped
public class SystemRoleGuard implements SecurityIdentityAugmentor {

    static final String SERVICE_ACCOUNT_PREFIX = "service-account-";
    static final String USERNAME = "preferred_username";

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)
                || isClientCredentials(token) || identity.getRoles().stream().noneMatch(Roles.SYSTEM_ROLES::contains)) {
            return Uni.createFrom().item(identity);
        }
        Set<String> personRoles = identity.getRoles().stream().filter(role -> !Roles.SYSTEM_ROLES.contains(role))
                .collect(Collectors.toSet());
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addRoles(personRoles)
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .setAnonymous(false)
                .build());
    }

    /** True when the token was issued to a client for itself (client credentials), not to a person. */
    static boolean isClientCredentials(JsonWebToken token) {
        String client = token.getClaim(TokenClaims.AUTHORISED_PARTY);
        String username = token.getClaim(USERNAME);
        return client != null && (SERVICE_ACCOUNT_PREFIX + client).equals(username);
    }
}
