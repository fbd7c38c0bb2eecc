package org.kmcr.portal.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.kmcr.common.nhs.NhsNumber;
import org.kmcr.common.security.Roles;
import org.kmcr.portal.service.NhsNumbers;
import org.kmcr.portal.service.Results;

/** A person's test results for a professional: values against reference ranges, trends of repeated tests. */
@Path("/records/{nhsNumber}/results")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.CLINICIAN, Roles.SOCIAL_WORKER})
public class ResultsResource {

    private final Results results;

    ResultsResource(Results results) {
        this.results = results;
    }

    @GET
    public Uni<Response> results(@PathParam("nhsNumber") String nhsNumber) {
        if (!NhsNumber.isValid(nhsNumber)) {
            return Uni.createFrom().item(Response.status(404)
                    .entity(Pages.notFound(NhsNumbers.spaced(NhsNumbers.digits(nhsNumber)))).build());
        }
        return results.of(nhsNumber).map(view -> Response.ok(Pages.results(view)).build());
    }
}
