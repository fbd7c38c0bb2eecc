package org.kmcr.portal.rest;

import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.kmcr.common.security.Roles;
import org.kmcr.portal.service.Feeds;

/** Feed health for the privacy officer: every source's last message, rates, rejects and dead letters. */
@Path("/privacy/feeds")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.PRIVACY_OFFICER)
public class FeedHealthResource {

    private final Feeds feeds;

    FeedHealthResource(Feeds feeds) {
        this.feeds = feeds;
    }

    @GET
    public Uni<TemplateInstance> feeds() {
        return feeds.health().map(Pages::feeds);
    }
}
