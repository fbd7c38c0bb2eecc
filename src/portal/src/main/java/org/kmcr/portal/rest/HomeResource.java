package org.kmcr.portal.rest;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The start page (public), where a signed-in user goes by role, and the page after signing out. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomeResource {

    private final Viewer viewer;

    HomeResource(Viewer viewer) {
        this.viewer = viewer;
    }

    @GET
    public TemplateInstance home() {
        return Pages.home();
    }

    /**
     * After sign-in: professionals find a person, citizens see their record, privacy officers their queue, analysts
     * the dashboard, the platform operator feed health.
     */
    @GET
    @Path("start")
    @Authenticated
    public Response start() {
        String next = viewer.isProfessional() ? "/find"
                : viewer.isCitizen() ? "/my-record"
                : viewer.isPrivacyOfficer() ? "/privacy/reviews"
                : viewer.isAnalyst() ? "/analytics"
                : viewer.isPlatformOperator() ? FeedsResource.PAGE
                : null;
        if (next == null) {
            return Response.status(403).entity(Pages.error("You cannot use the portal with this role",
                    "Your account has no role that the portal serves. Ask your organisation's registration authority."))
                    .build();
        }
        return Response.seeOther(URI.create(next)).build();
    }

    @GET
    @Path("signed-out")
    public TemplateInstance signedOut() {
        return Pages.signedOut();
    }
}
