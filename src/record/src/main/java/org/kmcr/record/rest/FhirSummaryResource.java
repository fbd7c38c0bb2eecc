package org.kmcr.record.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import org.kmcr.common.nhs.NhsNumber;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.common.security.CurrentCaller;
import org.kmcr.common.security.Roles;
import org.kmcr.record.mapping.FhirBundleWriter;
import org.kmcr.record.service.RecordQueries;

/** The summary as FHIR R4: {@code GET /fhir/r4/Patient/$summary?identifier=<nhs-number system>|<number>}. */
@Path("/fhir/r4/Patient/$summary")
@Authenticated
public class FhirSummaryResource {

    static final String FHIR_JSON = "application/fhir+json";

    private final RecordQueries queries;
    private final FhirBundleWriter writer;
    private final CurrentCaller caller;

    FhirSummaryResource(RecordQueries queries, FhirBundleWriter writer, CurrentCaller caller) {
        this.queries = queries;
        this.writer = writer;
        this.caller = caller;
    }

    @GET
    @Produces(FHIR_JSON)
    @RolesAllowed({Roles.CLINICIAN, Roles.SOCIAL_WORKER, Roles.PATIENT})
    public Uni<String> summary(@QueryParam("identifier") String identifier) {
        return queries.fhirSummary(caller.get(), nhsNumberIn(identifier)).map(writer::toBundle);
    }

    static String nhsNumberIn(String identifier) {
        String prefix = NhsNumber.SYSTEM + "|";
        if (identifier == null || !identifier.startsWith(prefix)) {
            throw ProblemException.badRequest("identifier must be " + prefix + "<NHS number>");
        }
        return identifier.substring(prefix.length());
    }
}
