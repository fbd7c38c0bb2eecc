package org.kmcr.identity.rest;

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
import java.util.List;
import java.util.UUID;
import org.kmcr.common.nhs.NhsNumber;
import org.kmcr.common.problem.Problem;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.common.security.CurrentCaller;
import org.kmcr.common.security.Roles;
import org.kmcr.identity.service.LinkedPerson;
import org.kmcr.identity.service.MergeService;
import org.kmcr.identity.service.PersonService;

/** Persons, each with the source identities that make them up. */
@Path("/api/persons")
@Authenticated
public class PersonResource {

    private final PersonService service;
    private final MergeService merges;
    private final CurrentCaller currentCaller;

    PersonResource(PersonService service, MergeService merges, CurrentCaller currentCaller) {
        this.service = service;
        this.merges = merges;
        this.currentCaller = currentCaller;
    }

    /** The person with this NHS number; a person merged away answers as the survivor. */
    @GET
    @RolesAllowed(Roles.IDENTITY_READER)
    public Uni<PersonView> byNhsNumber(@QueryParam("nhsNumber") String nhsNumber) {
        NhsNumber.problemWith(nhsNumber).ifPresent(problem -> {
            throw new ProblemException(400, "Bad request", problem,
                    List.of(new Problem.FieldError("nhsNumber", problem)));
        });
        return service.findByNhsNumber(nhsNumber)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No person with this NHS number is known"))
                .map(PersonView::of);
    }

    /** The person; 301 to the survivor, with {@code mergedInto}, for a person merged away. */
    @GET
    @Path("/{personId}")
    @RolesAllowed(Roles.IDENTITY_READER)
    public Uni<Response> byId(@PathParam("personId") UUID personId) {
        return service.findById(personId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No person with this id is known"))
                .map(PersonResource::answer);
    }

    /** A privacy officer merges this person into another: 404 unknown, 409 either merged away already. Audited. */
    @POST
    @Path("/{personId}/merge")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    public Uni<Response> merge(@PathParam("personId") UUID personId, @Valid @NotNull PersonMergeBody body) {
        return merges.mergePersons(personId, body.into(), body.reason(), currentCaller.get())
                .map(merge -> Response.created(URI.create("/api/person-merges/" + merge.id))
                        .entity(PersonMergeView.of(merge)).build());
    }

    private static Response answer(LinkedPerson person) {
        UUID survivor = person.person().mergedInto;
        if (survivor == null) {
            return Response.ok(PersonView.of(person)).build();
        }
        return Response.status(Response.Status.MOVED_PERMANENTLY).location(URI.create("/api/persons/" + survivor))
                .entity(new MergedPersonView(person.person().id, survivor)).build();
    }

    /** A person merged away: where to find them now. */
    public record MergedPersonView(UUID personId, UUID mergedInto) {
    }
}
