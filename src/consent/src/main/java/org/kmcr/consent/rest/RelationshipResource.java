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
import org.kmcr.common.problem.ProblemException;
import org.kmcr.common.security.Roles;
import org.kmcr.consent.service.RelationshipService;

/** Relationships between organisations and people, recorded by ingest from source data or by privacy officers. */
@Path("/api/relationships")
@Authenticated
public class RelationshipResource {

    private final RelationshipService service;
    private final Clock clock;

    RelationshipResource(RelationshipService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    /** Idempotent on (personId, orgCode, kind): 201 the first time, 200 after. */
    @POST
    @RolesAllowed({Roles.RELATIONSHIP_ASSERTER, Roles.PRIVACY_OFFICER})
    public Uni<Response> record(@Valid @NotNull RelationshipBody body) {
        return service.record(body.toEntity()).map(result -> {
            RelationshipView view = RelationshipView.of(result.value(), LocalDate.now(clock));
            return result.created()
                    ? Response.created(URI.create("/api/relationships/" + view.id())).entity(view).build()
                    : Response.ok(view).build();
        });
    }

    @GET
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    public Uni<List<RelationshipView>> forPerson(@QueryParam("personId") @NotNull UUID personId) {
        LocalDate today = LocalDate.now(clock);
        return service.forPerson(personId)
                .map(found -> found.stream().map(r -> RelationshipView.of(r, today)).toList());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    public Uni<RelationshipView> get(@PathParam("id") UUID id) {
        return service.find(id).map(relationship -> {
            if (relationship == null) {
                throw ProblemException.notFound("There is no relationship " + id);
            }
            return RelationshipView.of(relationship, LocalDate.now(clock));
        });
    }
}
