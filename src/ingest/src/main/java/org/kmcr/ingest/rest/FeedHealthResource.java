package org.kmcr.ingest.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import org.kmcr.common.ingest.FeedHealth;
import org.kmcr.common.security.Caller;
import org.kmcr.common.security.CurrentCaller;
import org.kmcr.common.security.Roles;
import org.kmcr.ingest.model.Sender;
import org.kmcr.ingest.service.FeedHealthService;

/**
 * Feed health for the portal: a partner system sees its own organisation's sources, a privacy officer and the
 * platform operator every organisation's. Counts and times only, no personal data.
 */
@Path("/api/feed-health")
@Authenticated
public class FeedHealthResource {

    private final FeedHealthService service;
    private final CurrentCaller caller;

    FeedHealthResource(FeedHealthService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.PARTNER_SYSTEM, Roles.PRIVACY_OFFICER, Roles.PLATFORM_OPERATOR})
    public Uni<List<FeedHealth>> list() {
        Caller who = caller.get();
        boolean everySource = !who.hasRole(Roles.PARTNER_SYSTEM)
                && (who.hasRole(Roles.PRIVACY_OFFICER) || who.hasRole(Roles.PLATFORM_OPERATOR));
        return service.health(everySource ? null : Sender.of(who).orgCode());
    }
}
