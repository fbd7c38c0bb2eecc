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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.kmcr.common.audit.GovernanceAudit;
import org.kmcr.common.security.CurrentCaller;
import org.kmcr.common.security.Roles;
import org.kmcr.ingest.model.Sender;
import org.kmcr.ingest.service.DeadLetterService;
import org.kmcr.ingest.service.Hl7IngestService;
import org.kmcr.ingest.service.IngestService;

/**
 * A partner's own failed submissions: list, inspect, replay once the cause is fixed. Dead letters hold whole
 * messages, personal data included, so every call is audited first.
 */
@Path("/api/dead-letters")
@Authenticated
public class DeadLetterResource {

    static final String LIST = "ingest.dead-letter.list";
    static final String READ = "ingest.dead-letter.read";
    static final String REPLAY = "ingest.dead-letter.replay";

    private final DeadLetterService deadLetters;
    private final IngestService ingest;
    private final CurrentCaller caller;
    private final GovernanceAudit audit;

    DeadLetterResource(DeadLetterService deadLetters, IngestService ingest, CurrentCaller caller,
            GovernanceAudit audit) {
        this.deadLetters = deadLetters;
        this.ingest = ingest;
        this.caller = caller;
        this.audit = audit;
    }

    @GET
    @RolesAllowed(Roles.PARTNER_SYSTEM)
    public Uni<List<DeadLetterView>> list(
            @QueryParam("state") @DefaultValue("open") @Pattern(regexp = "open|replayed") String state,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        String org = senderOrg();
        return audit.record(LIST).chain(() -> deadLetters.list(org, state, page, size))
                .map(letters -> letters.stream().map(DeadLetterView::summary).toList());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.PARTNER_SYSTEM)
    public Uni<DeadLetterView> get(@PathParam("id") UUID id) {
        String org = senderOrg();
        return audit.record(READ).chain(() -> deadLetters.find(id, org)).map(DeadLetterView::full);
    }

    /** Processes the kept submission again; answers as the original submission would have. */
    @POST
    @Path("/{id}/replay")
    @RolesAllowed(Roles.PARTNER_SYSTEM)
    @Produces({IngestService.FHIR_JSON, Hl7IngestService.HL7_V2, MediaType.APPLICATION_JSON})
    public Uni<Response> replay(@PathParam("id") UUID id) {
        String org = senderOrg();
        return audit.record(REPLAY).chain(() -> ingest.replay(id, org))
                .map(replayed -> Response.ok(replayed.body(), replayed.mediaType()).build());
    }

    private String senderOrg() {
        return Sender.of(caller.get()).orgCode();
    }
}
