package org.kmcr.identity.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.UUID;
import org.kmcr.common.nhs.NhsNumber;
import org.kmcr.common.problem.Problem;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.common.security.Roles;
import org.kmcr.identity.service.LinkedPerson;
import org.kmcr.identity.service.PersonService;

/** Persons, each with the source identities that make them up. */
@Path("/api/persons")
@Authenticated
public class PersonResource {

    private final PersonService service;

    PersonResource(PersonService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed(Roles.IDENTITY_READER)
    public Uni<PersonView> byNhsNumber(@QueryParam("nhsNumber") String nhsNumber) {
        NhsNumber.problemWith(nhsNumber).ifPresent(problem -> {
            throw new ProblemException(400, "Bad request", problem,
                    List.of(new Problem.FieldError("nhsNumber", problem)));
        });
        return found(service.findByNhsNumber(nhsNumber), "No person with this NHS number is known");
    }

    @GET
    @Path("/{personId}")
    @RolesAllowed(Roles.IDENTITY_READER)
    public Uni<PersonView> byId(@PathParam("personId") UUID personId) {
        return found(service.findById(personId), "No person with this id is known");
    }

    private static Uni<PersonView> found(Uni<LinkedPerson> person, String notFound) {
        return person.onItem().ifNull().failWith(() -> ProblemException.notFound(notFound)).map(PersonView::of);
    }
}
