package org.kmcr.portal.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.kmcr.common.security.Roles;
import org.kmcr.portal.service.CitizenAccessLog;
import org.kmcr.portal.service.PortalException;
import org.kmcr.portal.service.RecordAnswer;
import org.kmcr.portal.service.RecordService;

/** The citizen's own record in plain English, and who has looked at it. */
@Path("/my-record")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.PATIENT)
public class MyRecordResource {

    private final RecordService records;
    private final CitizenAccessLog accessLog;
    private final Viewer viewer;

    MyRecordResource(RecordService records, CitizenAccessLog accessLog, Viewer viewer) {
        this.records = records;
        this.accessLog = accessLog;
        this.viewer = viewer;
    }

    @GET
    public Uni<Response> myRecord() {
        String nhsNumber = viewer.getNhsNumber();
        if (nhsNumber == null) {
            throw new PortalException(403, "Your account is not linked to an NHS number",
                    "Ask the service desk to link your account to your NHS number.");
        }
        return records.summary(nhsNumber, true).map(MyRecordResource::page);
    }

    private static Response page(RecordAnswer answer) {
        if (answer instanceof RecordAnswer.Shown shown) {
            return Response.ok(Pages.summary(shown.summary(), true)).build();
        }
        if (answer instanceof RecordAnswer.NotFound) {
            return Response.status(404).entity(Pages.error("We hold no record for you yet",
                    "None of the organisations that share records here has sent anything about you.")).build();
        }
        List<String> reasons = answer instanceof RecordAnswer.Refused refused ? refused.reasons()
                : ((RecordAnswer.Invalid) answer).errors();
        return Response.status(403).entity(Pages.error("Your record cannot be shown", String.join(" ", reasons)))
                .build();
    }

    @GET
    @Path("accesses")
    public Uni<Response> accesses() {
        return accessLog.accesses().map(rows -> Response.ok(Pages.accesses(rows)).build());
    }
}
