package org.kmcr.portal.config;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The headers of every answer: nothing personal kept by the browser or a proxy (no-store on every page; only the
 * design system's files may be cached), a CSP that allows no inline script or style and no framing, and HSTS when the
 * page was asked for over TLS (directly or through the ingress, X-Forwarded-Proto). Forms may post only to the
 * portal, and be redirected only to Keycloak: sign-out's POST answers with a redirect to Keycloak's logout, which a
 * browser enforcing {@code form-action 'self'} alone would block (the user would stay signed in).
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String HSTS = "max-age=31536000; includeSubDomains";

    private final String csp;

    SecurityHeaders(@ConfigProperty(name = "quarkus.oidc.auth-server-url") String authServer) {
        this.csp = csp(authServer);
    }

    /** The policy, with the OIDC server's origin as the only other place a form's redirect may lead. */
    static String csp(String authServer) {
        URI server = URI.create(authServer);
        String origin = server.getScheme() + "://" + server.getAuthority();
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "font-src 'self' https://assets.nhs.uk; connect-src 'self'; form-action 'self' " + origin + "; "
                + "frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            context.addHeadersEndHandler(ignored -> headers(context));
            context.next();
        });
    }

    private void headers(RoutingContext context) {
        var headers = context.response().headers();
        String path = context.normalizedPath();
        boolean designSystemFile = path.startsWith("/nhsuk/") || path.startsWith("/assets/");
        headers.set("Cache-Control", designSystemFile ? "public, max-age=86400" : "no-store");
        if (!designSystemFile) {
            headers.set("Pragma", "no-cache");
        }
        headers.set("Content-Security-Policy", csp);
        headers.set("X-Frame-Options", "DENY");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        if ("https".equals(context.request().scheme())) {
            headers.set("Strict-Transport-Security", HSTS);
        }
    }
}
