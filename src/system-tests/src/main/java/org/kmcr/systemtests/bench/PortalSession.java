package org.kmcr.systemtests.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kmcr.systemtests.stack.Keycloak;
import org.kmcr.systemtests.stack.ServiceSpec;

/**
 * A user signed in to the portal without a browser, for the benchmark: the portal's own code flow with PKCE, through
 * Keycloak's login form, redirects followed by hand and cookies kept (Keycloak marks its cookies Secure even over
 * http on localhost, which a browser accepts there and Java's cookie handler would not).
 */
final class PortalSession {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();

    static PortalSession signIn(String username) {
        PortalSession session = new PortalSession();
        HttpResponse<String> answer = session.get(ServiceSpec.PORTAL.url() + "/start");
        while (answer.statusCode() == 302 || answer.statusCode() == 303) {
            answer = session.get(answer.headers().firstValue("location").orElseThrow());
        }
        Matcher action = FORM_ACTION.matcher(answer.body());
        if (!action.find()) {
            throw new IllegalStateException("Keycloak did not show its login form (" + answer.statusCode() + ")");
        }
        answer = session.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(username,
                        StandardCharsets.UTF_8) + "&password=" + Keycloak.DEMO_PASSWORD + "&credentialId=")));
        while (answer.statusCode() == 302 || answer.statusCode() == 303) {
            answer = session.get(answer.headers().firstValue("location").orElseThrow());
        }
        if (answer.statusCode() != 200 || !answer.body().contains("signed-in-user")) {
            throw new IllegalStateException("Portal sign-in of " + username + " failed (" + answer.statusCode() + ")");
        }
        return session;
    }

    HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url.startsWith("/") ? ServiceSpec.PORTAL.url() + url : url)).GET());
    }

    /** The bytes on the wire of a GET, compressed as a browser asks for it. */
    long transferredBytes(String path) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ServiceSpec.PORTAL.url() + path))
                    .header("Accept-Encoding", "gzip");
            cookieHeader().ifPresent(value -> request.header("Cookie", value));
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray()).body().length;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        cookieHeader().ifPresent(value -> request.header("Cookie", value));
        try {
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String cookie : answer.headers().allValues("set-cookie")) {
                String[] pair = cookie.split(";", 2)[0].split("=", 2);
                if (pair.length == 2 && pair[1].isEmpty()) {
                    cookies.remove(pair[0]);
                } else if (pair.length == 2) {
                    cookies.put(pair[0], pair[1]);
                }
            }
            return answer;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private java.util.Optional<String> cookieHeader() {
        if (cookies.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(String.join("; ", cookies.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue()).toList()));
    }
}
