package org.kmcr.portal.config;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The headers of every answer: nothing personal kept by the browser or a proxy (no-store on every page; only the
 * design system's files may be cached), a CSP that allows no inline script or style and no framing, and HSTS when the
 * page was asked for over TLS (directly or through the ingress, X-Forwarded-Proto).
 */
@ApplicationScoped
public class SecurityHeaders {

    public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self' https://assets.nhs.uk; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
            + "base-uri 'none'; object-src 'none'";
    static final String HSTS = "max-age=31536000; includeSubDomains";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            context.addHeadersEndHandler(ignored -> headers(context));
            context.next();
        });
    }

    static void headers(RoutingContext context) {
        var headers = context.response().headers();
        String path = context.normalizedPath();
        boolean designSystemFile = path.startsWith("/nhsuk/") || path.startsWith("/assets/");
        headers.set("Cache-Control", designSystemFile ? "public, max-age=86400" : "no-store");
        if (!designSystemFile) {
            headers.set("Pragma", "no-cache");
        }
        headers.set("Content-Security-Policy", CSP);
        headers.set("X-Frame-Options", "DENY");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        if ("https".equals(context.request().scheme())) {
            headers.set("Strict-Transport-Security", HSTS);
        }
    }
}
