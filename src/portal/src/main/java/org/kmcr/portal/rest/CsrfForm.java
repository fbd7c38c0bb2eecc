package org.kmcr.portal.rest;

import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * Whether this request has a CSRF token for its forms ({@code {inject:csrfForm.ready}}). A page refused before the
 * CSRF filter ran (a role refusal: the "You cannot open this page" page) has none, and reading it would fail the
 * page; its header's sign-out form then goes without one (sign-out is Keycloak's logout, handled by the OIDC
 * extension before any resource, which the token does not guard).
 */
@Named("csrfForm")
@RequestScoped
public class CsrfForm {

    /** Where quarkus-rest-csrf keeps the request's token (its {@code CsrfRequestResponseReactiveFilter}). */
    static final String TOKEN_ATTRIBUTE = "csrf_token";

    private final RoutingContext request;

    CsrfForm(RoutingContext request) {
        this.request = request;
    }

    public boolean isReady() {
        return request.get(TOKEN_ATTRIBUTE) != null;
    }
}
