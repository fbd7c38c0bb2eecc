package org.kmcr.portal.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.kmcr.common.problem.OperationOutcomes;

/**
 * Record's FHIR search for a person's observations ({@code src/record}, {@code GET /fhir/r4/Observation}), as the
 * signed-in user: the values, units and reference ranges the summary's items do not carry. A searchset Bundle.
 */
@RegisterRestClient(configKey = "record")
@RegisterProvider(UserToken.class)
@Path("/fhir/r4/Observation")
public interface ResultsApi {

    @GET
    @Produces(OperationOutcomes.FHIR_JSON)
    Uni<String> observations(@QueryParam("patient") String nhsNumber, @QueryParam("_count") int count);
}
