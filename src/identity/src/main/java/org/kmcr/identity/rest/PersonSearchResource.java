package org.kmcr.identity.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.kmcr.common.nhs.NhsNumber;
import org.kmcr.common.problem.Problem;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.common.security.CurrentCaller;
import org.kmcr.common.security.Roles;
import org.kmcr.identity.model.Demographics;
import org.kmcr.identity.service.PersonSearchService;

/**
 * Finding a person: by NHS number, or by family name and date of birth (first name and postcode help), tolerant
 * of typos; ranked candidates with the reasons, and only what is needed to pick the right one. Audited.
 */
@Path("/api/person-search")
@Authenticated
public class PersonSearchResource {

    private final PersonSearchService service;
    private final CurrentCaller currentCaller;

    PersonSearchResource(PersonSearchService service, CurrentCaller currentCaller) {
        this.service = service;
        this.currentCaller = currentCaller;
    }

    @GET
    @RolesAllowed({Roles.CLINICIAN, Roles.SOCIAL_WORKER, Roles.PRIVACY_OFFICER})
    public Uni<List<SearchResultView>> search(@QueryParam("nhsNumber") String nhsNumber,
            @QueryParam("family") @Size(max = 200) String family,
            @QueryParam("given") @Size(max = 200) String given,
            @QueryParam("birthDate") @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "must be a date such as 1970-01-01")
            String birthDate,
            @QueryParam("postcode") @Size(max = 10) String postcode) {
        if (nhsNumber != null) {
            NhsNumber.problemWith(nhsNumber).ifPresent(problem -> {
                throw new ProblemException(400, "Bad request", problem,
                        List.of(new Problem.FieldError("nhsNumber", problem)));
            });
        } else if (family == null || family.isBlank() || birthDate == null) {
            throw new ProblemException(400, "Bad request", "Search by NHS number, or by family name and date of birth",
                    List.of(new Problem.FieldError(family == null || family.isBlank() ? "family" : "birthDate",
                            "is required without an NHS number")));
        }
        Demographics known = Demographics.basic(family, given == null ? null : List.of(given), birthDate, null,
                postcode);
        return service.search(nhsNumber, known, currentCaller.get())
                .map(found -> found.stream().map(SearchResultView::of).toList());
    }
}
