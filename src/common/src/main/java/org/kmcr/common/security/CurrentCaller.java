package org.kmcr.common.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The {@link Caller} of the current request; inject it anywhere, including singletons. */
@RequestScoped
public class CurrentCaller {

    private final SecurityIdentity identity;

    CurrentCaller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The caller; a 401 when the request carries no verified token. */
    public Caller get() {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            throw new io.quarkus.security.UnauthorizedException();
        }
        return fromToken(token, identity.getRoles());
    }

    static Caller fromToken(JsonWebToken token, java.util.Set<String> roles) {
        String clientId = token.getClaim(TokenClaims.AUTHORISED_PARTY);
        String name = token.getClaim(TokenClaims.NAME);
        String roleProfileId = token.getClaim(TokenClaims.SELECTED_ROLE_ID);
        return new Caller(
                token.getSubject(),
                name != null ? name : clientId,
                java.util.Set.copyOf(roles),
                token.getClaim(TokenClaims.ORG_CODE),
                roleProfileId,
                roleCode(token.getClaim(TokenClaims.NRBAC_ROLES), roleProfileId),
                token.getClaim(TokenClaims.NHS_NUMBER),
                clientId);
    }

    /** The role code of the selected role profile in a CIS2-style nhsid_nrbac_roles claim. */
    static String roleCode(Object nrbacRoles, String roleProfileId) {
        JsonArray profiles = asArray(nrbacRoles);
        if (profiles == null || roleProfileId == null) {
            return null;
        }
        for (JsonValue value : profiles) {
            if (value instanceof JsonObject profile
                    && roleProfileId.equals(profile.getString("person_roleid", null))) {
                return profile.getString("role_code", null);
            }
        }
        return null;
    }

    private static JsonArray asArray(Object claim) {
        if (claim instanceof JsonArray array) {
            return array;
        }
        if (claim instanceof JsonString text && text.getString().startsWith("[")) {
            return jakarta.json.Json.createReader(new StringReader(text.getString())).readArray();
        }
        if (claim instanceof String text && text.startsWith("[")) {
            return jakarta.json.Json.createReader(new StringReader(text)).readArray();
        }
        return null;
    }
}
