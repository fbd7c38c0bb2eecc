package org.kmcr.ingest.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.kmcr.common.security.CurrentCaller;
import org.kmcr.common.security.Roles;
import org.kmcr.ingest.model.Sender;
import org.kmcr.ingest.service.IngestService;

/** The FHIR R4 endpoint for partner systems: a transaction (or batch, or collection) bundle at the base URL. */
@Path("/fhir/r4")
@Authenticated
public class FhirIngestResource {

    private final IngestService service;
    private final CurrentCaller caller;

    FhirIngestResource(IngestService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.PARTNER_SYSTEM)
    @Consumes({IngestService.FHIR_JSON, MediaType.APPLICATION_JSON})
    @Produces(IngestService.FHIR_JSON)
    public Uni<String> transaction(String bundle) {
        return service.submit(Sender.of(caller.get()), bundle);
    }
}
