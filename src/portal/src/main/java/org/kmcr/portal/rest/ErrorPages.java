package org.kmcr.portal.rest;

import io.quarkus.security.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.kmcr.portal.service.PortalException;

/**
 * Every failure of a page becomes an error page in words (never a stack trace, never problem+json): these mappers
 * come before the services' problem+json mapper of {@code src/common}.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);
    static final int FIRST = Priorities.USER - 100;

    @ServerExceptionMapper(priority = FIRST)
    public Response portal(PortalException e) {
        return page(e.status(), e.title(), e.getMessage());
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response forbidden(ForbiddenException e) {
        return page(403, "You cannot open this page", "Your role does not allow it. Go back to the start page.");
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response notFound(NotFoundException e) {
        return page(404, "Page not found", "If you typed the web address, check it is correct.");
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response unexpected(RuntimeException e) {
        LOG.errorf("Page failed: %s", e.getClass().getName());
        return page(500, "Sorry, there is a problem with the service", "Try again later.");
    }

    private static Response page(int status, String title, String detail) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(Pages.error(title, detail)).build();
    }
}
