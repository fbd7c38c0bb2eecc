package org.kmcr.common.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kmcr.common.security.Roles;

/**
 * Signed access tokens for {@code @QuarkusTest}s, shaped like the ones the shipped Keycloak realm issues
 * (realm_access roles, org_code, CIS2-style role claims, aud kmcr-api). The end-to-end suite uses real
 * Keycloak tokens instead.
 */
public final class TestTokens {

    public static final String ISSUER = "https://kmcr.test/realms/kmcr";
    public static final String AUDIENCE = "kmcr-api";
    private static final KeyPair KEYS = generate();

    private TestTokens() {
    }

    /** The verification key, for {@code quarkus.oidc.public-key}. */
    public static String publicKey() {
        return Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
    }

    /** A staff member (clinician, social-worker, privacy-officer, analyst) at an organisation. */
    public static String user(String username, String role, String orgCode) {
        String roleProfileId = username + "-role";
        return sign(base(username, role)
                .claim("name", "Test " + username)
                .claim("org_code", orgCode)
                .claim("selected_roleid", roleProfileId)
                .claim("nhsid_nrbac_roles", List.of(Map.of("person_roleid", roleProfileId, "org_code", orgCode,
                        "role_name", "Test role", "role_code", "S8000:G8000:R8000"))));
    }

    /** A staff member whose token subject (their user id) is exactly the given one. */
    public static String withSubject(String subject, String role, String orgCode) {
        return sign(Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject)
                .claim("preferred_username", subject).claim("azp", "kmcr-cli").claim("name", "Test " + subject)
                .claim("org_code", orgCode).claim("realm_access", Map.of("roles", List.of(role))));
    }

    /** A citizen, who may see only their own record. */
    public static String patient(String username, String nhsNumber) {
        return sign(base(username, "patient").claim("name", "Test " + username).claim("nhs_number", nhsNumber));
    }

    /** A partner system (client credentials) bound to its organisation. */
    public static String partner(String clientId, String orgCode) {
        return sign(clientCredentials(clientId, Roles.PARTNER_SYSTEM).claim("org_code", orgCode));
    }

    /**
     * A KMCR service calling another with its own client credentials, holding the service permissions the
     * shipped realm gives that client (see {@link #SERVICE_PERMISSIONS}).
     */
    public static String service(String clientId) {
        List<String> roles = SERVICE_PERMISSIONS.get(clientId);
        if (roles == null) {
            throw new IllegalArgumentException("No KMCR service client " + clientId);
        }
        return serviceWith(clientId, roles.toArray(String[]::new));
    }

    /** A client-credentials token of the given client holding exactly the given roles. */
    public static String serviceWith(String clientId, String... roles) {
        return sign(clientCredentials(clientId, roles));
    }

    /** The claims of a client-credentials token as Keycloak issues it: the client's own service account. */
    private static JwtClaimsBuilder clientCredentials(String clientId, String... roles) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE)
                .subject(UUID.nameUUIDFromBytes(clientId.getBytes()).toString())
                .claim("preferred_username", "service-account-" + clientId).claim("azp", clientId)
                .claim("realm_access", Map.of("roles", List.of(roles)));
    }

    /** The service permissions of each KMCR service client, as the shipped realm assigns them. */
    public static final Map<String, List<String>> SERVICE_PERMISSIONS = Map.of(
            "kmcr-ingest", List.of(Roles.IDENTITY_RESOLVER, Roles.RELATIONSHIP_ASSERTER, Roles.PARTNER_READER,
                    Roles.AUDIT_WRITER),
            "kmcr-record", List.of(Roles.IDENTITY_READER, Roles.ACCESS_DECIDER, Roles.AUDIT_WRITER),
            "kmcr-consent", List.of(Roles.AUDIT_WRITER),
            "kmcr-identity", List.of(Roles.AUDIT_WRITER),
            "kmcr-audit", List.of(Roles.PARTNER_READER));

    /** A token with only the given realm roles and nothing else. */
    public static String withRoles(String username, String... roles) {
        return sign(Jwt.issuer(ISSUER).audience(AUDIENCE).subject(UUID.nameUUIDFromBytes(username.getBytes()).toString())
                .claim("preferred_username", username).claim("azp", "kmcr-cli")
                .claim("realm_access", Map.of("roles", List.of(roles))));
    }

    private static JwtClaimsBuilder base(String username, String role) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE)
                .subject(UUID.nameUUIDFromBytes(username.getBytes()).toString())
                .claim("preferred_username", username)
                .claim("azp", "kmcr-cli")
                .claim("realm_access", Map.of("roles", List.of(role)));
    }

    private static String sign(JwtClaimsBuilder claims) {
        return claims.expiresIn(600).jws().keyId("kmcr-test").sign(KEYS.getPrivate());
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
