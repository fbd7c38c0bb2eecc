package org.kmcr.portal.rest;

import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.kmcr.common.ingest.DeadLetterNotice;
import org.kmcr.common.security.Roles;
import org.kmcr.portal.model.DeadLetterRow;
import org.kmcr.portal.service.Feeds;

/**
 * Feed health: every source's last message, rates, rejects and dead letters waiting, for the privacy officer and
 * the platform operator; the operator also sees the dead letters (never their messages) and replays them.
 */
@Path("/feeds")
@Produces(MediaType.TEXT_HTML)
public class FeedsResource {

    static final String PAGE = "/feeds";

    private final Feeds feeds;
    private final Viewer viewer;

    FeedsResource(Feeds feeds, Viewer viewer) {
        this.feeds = feeds;
        this.viewer = viewer;
    }

    @GET
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.PLATFORM_OPERATOR})
    public Uni<Response> feeds() {
        return FormAnswers.show(page(List.of()));
    }

    @POST
    @Path("dead-letters/{id}/replay")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.PLATFORM_OPERATOR)
    public Uni<Response> replay(@PathParam("id") UUID id) {
        return FormAnswers.answer(feeds.replay(id), PAGE, this::page);
    }

    private Uni<TemplateInstance> page(List<String> errors) {
        if (!viewer.isPlatformOperator()) {
            return feeds.health().map(health -> Pages.feeds(health, List.of(), List.of(), errors));
        }
        return feeds.health().chain(health -> feeds.deadLetters(DeadLetterNotice.OPEN)
                .chain(open -> feeds.deadLetters(DeadLetterNotice.REPLAYED).map(replayed ->
                        Pages.feeds(health, open, recent(replayed), errors))));
    }

    /** The last few replayed, so a replay just made shows where it went. */
    private static List<DeadLetterRow> recent(List<DeadLetterRow> replayed) {
        return replayed.subList(0, Math.min(10, replayed.size()));
    }
}
