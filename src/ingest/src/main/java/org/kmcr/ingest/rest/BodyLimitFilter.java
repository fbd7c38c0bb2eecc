package org.kmcr.ingest.rest;

import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.kmcr.ingest.config.BulkConfig;

/**
 * Keeps every endpoint but the bulk upload to its own body limit (20 MB): the HTTP layer's limit is raised for bulk
 * extracts, so a bundle or HL7 v2 message bigger than that is refused here, by its Content-Length (413, empty, as the
 * HTTP layer answers) or, for a chunked body, as it is read.
 */
public class BodyLimitFilter {

    /** The key under which Quarkus's HTTP layer holds the limit a chunked body is read against. */
    static final String MAX_REQUEST_SIZE_KEY = "io.quarkus.max-request-size";

    private final BulkConfig config;

    BodyLimitFilter(BulkConfig config) {
        this.config = config;
    }

    @ServerRequestFilter(preMatching = true)
    public Response limit(RoutingContext context) {
        if (context.request().path().startsWith(BulkResource.PATH)) {
            return null;
        }
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            try {
                if (Long.parseLong(length.strip()) > config.otherBodyBytes()) {
                    return Response.status(413).build();
                }
            } catch (NumberFormatException e) {
                return Response.status(400).build();
            }
        } else {
            context.put(MAX_REQUEST_SIZE_KEY, config.otherBodyBytes());
        }
        return null;
    }
}
