package org.kmcr.systemtests.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Obtains real access tokens from the shipped realm: client credentials for systems, and for people the
 * portal's authorisation-code flow with PKCE, through Keycloak's own login form.
 */
public final class Keycloak {

    public static final String PORTAL_CLIENT = "kmcr-portal";
    public static final String PORTAL_REDIRECT = "http://localhost:8080/callback";
    /** Demo password of every demo user (local demo only). */
    public static final String DEMO_PASSWORD = "demo";
    /** A confidential client's demo secret is its client id followed by this (local demo only). */
    public static final String DEMO_SECRET_SUFFIX = "-demo-secret";

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String realmUrl;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    public Keycloak(String realmUrl) {
        this.realmUrl = realmUrl;
    }

    /** A token for a confidential client (a partner system or a KMCR service); demo secrets are "<id>-demo-secret". */
    public String clientCredentials(String clientId) {
        return token(clientCredentialsRequest(clientId, clientId + DEMO_SECRET_SUFFIX));
    }

    /** The status of a client-credentials token request with the given secret (200 when Keycloak accepts it). */
    public int clientCredentialsStatus(String clientId, String secret) {
        return send(tokenRequest(clientCredentialsRequest(clientId, secret))).statusCode();
    }

    /** A demo user's token, obtained as the portal does: code flow with PKCE S256 through the login form. */
    public String login(String username) {
        return login(username, DEMO_PASSWORD);
    }

    /** A user's token, obtained as the portal does: code flow with PKCE S256 through the login form. */
    public String login(String username, String password) {
        return login(PORTAL_CLIENT, PORTAL_REDIRECT, username, password);
    }

    /** A user's token for a public client with the code flow and PKCE S256 (the portal, Keycloak's account console). */
    public String login(String clientId, String redirectUri, String username, String password) {
        String verifier = randomUrlSafe(48);
        String authorise = realmUrl + "/protocol/openid-connect/auth?" + form(Map.of(
                "client_id", clientId, "response_type", "code", "scope", "openid",
                "redirect_uri", redirectUri, "state", randomUrlSafe(12), "nonce", randomUrlSafe(12),
                "code_challenge", challenge(verifier), "code_challenge_method", "S256"));
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(authorise)).GET().build());
        Matcher action = FORM_ACTION.matcher(page.body());
        if (page.statusCode() != 200 || !action.find()) {
            throw new IllegalStateException("Keycloak did not show its login form (" + page.statusCode() + ")");
        }
        // Keycloak marks its login cookies Secure even over http, so they are passed on by hand
        String cookies = page.headers().allValues("set-cookie").stream().map(c -> c.split(";", 2)[0])
                .collect(Collectors.joining("; "));
        HttpResponse<String> loggedIn = send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookies)
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                        "username", username, "password", password, "credentialId", ""))))
                .build());
        String location = loggedIn.headers().firstValue("location").orElse("");
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
        if (loggedIn.statusCode() != 302 || !location.startsWith(redirectUri) || !code.find()) {
            throw new IllegalStateException("Login of " + username + " failed (" + loggedIn.statusCode() + ")");
        }
        return token(Map.of("grant_type", "authorization_code", "client_id", clientId,
                "code", code.group(1), "redirect_uri", redirectUri, "code_verifier", verifier));
    }

    /** The claims of a token, for tests that check what the realm puts in it. */
    public static JsonNode claims(String token) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> clientCredentialsRequest(String clientId, String secret) {
        return Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret);
    }

    private HttpRequest tokenRequest(Map<String, String> parameters) {
        return HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(parameters))).build();
    }

    private String token(Map<String, String> parameters) {
        HttpResponse<String> response = send(tokenRequest(parameters));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Token request failed (" + response.statusCode() + "): " + response.body());
        }
        try {
            return JSON.readTree(response.body()).get("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak could not be reached at " + realmUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> parameters) {
        List<String> pairs = new ArrayList<>();
        new LinkedHashMap<>(parameters).forEach((k, v) -> pairs.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return String.join("&", pairs);
    }

    private static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
