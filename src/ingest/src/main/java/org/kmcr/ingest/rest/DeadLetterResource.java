package org.kmcr.ingest.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.kmcr.common.ingest.DeadLetterNotice;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.common.security.Caller;
import org.kmcr.common.security.CurrentCaller;
import org.kmcr.common.security.Roles;
import org.kmcr.ingest.model.Sender;
import org.kmcr.ingest.service.DeadLetterService;
import org.kmcr.ingest.service.Hl7IngestService;
import org.kmcr.ingest.service.IngestService;

/**
 * Failed submissions. A partner lists, inspects and replays its own, message included. The platform operator lists
 * every organisation's as {@link DeadLetterNotice}s (origin, time, the problem's status and title, never the
 * message nor the problem's words) and replays them once the cause is fixed (a dependency back up). Dead letters
 * hold whole messages, personal data included, so every call is audited first.
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
    private final ObjectMapper json;

    DeadLetterResource(DeadLetterService deadLetters, IngestService ingest, CurrentCaller caller,
            GovernanceAudit audit, ObjectMapper json) {
        this.deadLetters = deadLetters;
        this.ingest = ingest;
        this.caller = caller;
        this.audit = audit;
        this.json = json;
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

    /** Every organisation's dead letters in the state, newest first, as the platform operator may see them. */
    @GET
    @Path("/notices")
    @RolesAllowed(Roles.PLATFORM_OPERATOR)
    public Uni<List<DeadLetterNotice>> notices(
            @QueryParam("state") @DefaultValue("open") @Pattern(regexp = "open|replayed") String state,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return audit.record(LIST).chain(() -> deadLetters.listAll(state, page, size))
                .map(letters -> letters.stream().map(letter -> DeadLetterNotices.of(letter, json)).toList());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.PARTNER_SYSTEM)
    public Uni<DeadLetterView> get(@PathParam("id") UUID id) {
        String org = senderOrg();
        return audit.record(READ).chain(() -> deadLetters.find(id, org)).map(DeadLetterView::full);
    }

    /**
     * Processes the kept submission again, as its original sender. A partner's answer is what the original
     * submission would have had; the operator's is the letter's notice afterwards, and a failure keeps only the
     * problem's status and title.
     */
    @POST
    @Path("/{id}/replay")
    @RolesAllowed({Roles.PARTNER_SYSTEM, Roles.PLATFORM_OPERATOR})
    @Produces({IngestService.FHIR_JSON, Hl7IngestService.HL7_V2, MediaType.APPLICATION_JSON})
    public Uni<Response> replay(@PathParam("id") UUID id) {
        Caller who = caller.get();
        if (who.hasRole(Roles.PARTNER_SYSTEM) || !who.hasRole(Roles.PLATFORM_OPERATOR)) {
            String org = senderOrg();
            return audit.record(REPLAY).chain(() -> ingest.replay(id, org))
                    .map(replayed -> Response.ok(replayed.body(), replayed.mediaType()).build());
        }
        return audit.record(REPLAY).chain(() -> deadLetters.find(id))
                .chain(letter -> ingest.replay(id, letter.sourceOrg))
                .onFailure(ProblemException.class).transform(failure -> withoutContent((ProblemException) failure, id))
                .chain(() -> deadLetters.find(id))
                .map(letter -> Response.ok(DeadLetterNotices.of(letter, json), MediaType.APPLICATION_JSON).build());
    }

    /** A failed replay as the operator hears of it: status and title, not its words (they can quote the message). */
    private static ProblemException withoutContent(ProblemException problem, UUID id) {
        if (problem.status() == 404 || problem.status() == 409) {
            return problem;
        }
        return new ProblemException(problem.status(), problem.title(), "The replay of dead letter " + id
                + " failed again; it stays open. Its sending organisation can read the message and the problem "
                + "in full");
    }

    private String senderOrg() {
        return Sender.of(caller.get()).orgCode();
    }
}
