package org.kmcr.ingest.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.kmcr.common.security.CurrentCaller;
import org.kmcr.common.security.Roles;
import org.kmcr.ingest.model.Sender;
import org.kmcr.ingest.service.Hl7IngestService;

/**
 * HL7 v2 messages over REST, for senders without MLLP: one message (ER7) per request, answered with its ACK and an
 * HTTP status that says the same (200 AA, 4xx AE/AR, 503 AR: send it again). The sender is the partner bound to the
 * token, never MSH-4. The body is read as ER7 whatever its label (application/hl7-v2, text/plain, or none), as
 * HL7 v2 senders label it in different ways.
 */
@Path("/api/hl7v2/messages")
@Authenticated
public class Hl7IngestResource {

    private final Hl7IngestService service;
    private final CurrentCaller caller;

    Hl7IngestResource(Hl7IngestService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.PARTNER_SYSTEM)
    @Consumes(MediaType.WILDCARD)
    @Produces(Hl7IngestService.HL7_V2)
    public Uni<Response> message(String message) {
        return service.receive(Sender.of(caller.get()), message)
                .map(answer -> Response.status(answer.status()).entity(answer.ack()).type(Hl7IngestService.HL7_V2)
                        .build());
    }
}
