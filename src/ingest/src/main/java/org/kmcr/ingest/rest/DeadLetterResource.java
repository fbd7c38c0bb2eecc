package org.kmcr.ingest.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.UUID;
import org.kmcr.common.security.CurrentCaller;
import org.kmcr.common.security.Roles;
import org.kmcr.ingest.model.Sender;
import org.kmcr.ingest.service.DeadLetterService;
import org.kmcr.ingest.service.IngestService;

/** A partner's own failed submissions: list, inspect, replay once the cause is fixed. */
@Path("/api/dead-letters")
@Authenticated
public class DeadLetterResource {

    private final DeadLetterService deadLetters;
    private final IngestService ingest;
    private final CurrentCaller caller;

    DeadLetterResource(DeadLetterService deadLetters, IngestService ingest, CurrentCaller caller) {
        this.deadLetters = deadLetters;
        this.ingest = ingest;
        this.caller = caller;
    }

    @GET
    @RolesAllowed(Roles.PARTNER_SYSTEM)
    public Uni<List<DeadLetterView>> list(
            @QueryParam("state") @DefaultValue("open") @Pattern(regexp = "open|replayed") String state,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return deadLetters.list(senderOrg(), state, page, size)
                .map(letters -> letters.stream().map(DeadLetterView::summary).toList());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.PARTNER_SYSTEM)
    public Uni<DeadLetterView> get(@PathParam("id") UUID id) {
        return deadLetters.find(id, senderOrg()).map(DeadLetterView::full);
    }

    /** Processes the kept submission again; answers as the original submission would have. */
    @POST
    @Path("/{id}/replay")
    @RolesAllowed(Roles.PARTNER_SYSTEM)
    @Produces(IngestService.FHIR_JSON)
    public Uni<String> replay(@PathParam("id") UUID id) {
        return ingest.replay(id, senderOrg());
    }

    private String senderOrg() {
        return Sender.of(caller.get()).orgCode();
    }
}
