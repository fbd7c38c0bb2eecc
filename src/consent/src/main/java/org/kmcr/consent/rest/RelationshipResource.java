package org.kmcr.consent.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.kmcr.common.audit.GovernanceAudit;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.common.security.CurrentCaller;
import org.kmcr.common.security.Roles;
import org.kmcr.consent.service.EpisodeWriter;
import org.kmcr.consent.service.RelationshipService;

/**
 * Relationships as privacy officers see and change them: every episode with who asserted it, the assertions kept
 * as unverified, and recording or ending an episode, attributed to the officer. Every call is audited first.
 */
@Path("/api/relationships")
@Authenticated
public class RelationshipResource {

    static final String RECORD = "consent.relationship.record";
    static final String END = "consent.relationship.end";
    static final String LIST = "consent.relationship.list";
    static final String READ = "consent.relationship.read";
    static final String LIST_UNVERIFIED = "consent.relationship.unverified.list";

    private final RelationshipService service;
    private final GovernanceAudit audit;
    private final CurrentCaller caller;
    private final Clock clock;

    RelationshipResource(RelationshipService service, GovernanceAudit audit, CurrentCaller caller, Clock clock) {
        this.service = service;
        this.audit = audit;
        this.caller = caller;
        this.clock = clock;
    }

    /** 201 for a new episode, 200 when an episode is already current; 403 for the officer's own organisation. */
    @POST
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    public Uni<Response> record(@Valid @NotNull RelationshipBody body) {
        return audit.record(RECORD, body.personId(), null)
                .chain(() -> service.recordByOfficer(body.personId(), body.orgCode(), body.kind(), body.startedOn(),
                        body.endsOn(), body.note(), caller.get()))
                .map(applied -> {
                    RelationshipView view = RelationshipView.of(applied.relationship(), LocalDate.now(clock));
                    return applied.change() == EpisodeWriter.Applied.Change.STARTED
                            ? Response.created(URI.create("/api/relationships/" + view.id())).entity(view).build()
                            : Response.ok(view).build();
                });
    }

    /** Ends an episode on the given day: 404 unknown, 409 when already ended or the day is before its start. */
    @POST
    @Path("/{id}/end")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    public Uni<RelationshipView> end(@PathParam("id") UUID id, @Valid @NotNull RelationshipEndBody body) {
        return audit.record(END).chain(() -> service.endByOfficer(id, body.endsOn(), caller.get()))
                .map(applied -> RelationshipView.of(applied.relationship(), LocalDate.now(clock)));
    }

    @GET
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    public Uni<List<RelationshipView>> forPerson(@QueryParam("personId") @NotNull UUID personId) {
        LocalDate today = LocalDate.now(clock);
        return audit.record(LIST, personId, null).chain(() -> service.forPerson(personId))
                .map(found -> found.stream().map(r -> RelationshipView.of(r, today)).toList());
    }

    @GET
    @Path("/unverified")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    public Uni<List<UnverifiedAssertionView>> unverifiedFor(@QueryParam("personId") @NotNull UUID personId) {
        return audit.record(LIST_UNVERIFIED, personId, null).chain(() -> service.unverifiedFor(personId))
                .map(found -> found.stream().map(UnverifiedAssertionView::of).toList());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    public Uni<RelationshipView> get(@PathParam("id") UUID id) {
        return audit.record(READ).chain(() -> service.find(id)).map(relationship -> {
            if (relationship == null) {
                throw ProblemException.notFound("There is no relationship " + id);
            }
            return RelationshipView.of(relationship, LocalDate.now(clock));
        });
    }
}
