package org.kmcr.record.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.kmcr.common.problem.OperationOutcomes;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.common.security.CurrentCaller;
import org.kmcr.common.security.Roles;
import org.kmcr.record.mapping.FhirBundleWriter;
import org.kmcr.record.mapping.FhirQuery;
import org.kmcr.record.mapping.FhirResourceType;
import org.kmcr.record.mapping.FhirSearchParameters;
import org.kmcr.record.service.FhirSearchService;

/**
 * The FHIR R4 read and search API of one person's record: {@code [base]/[type]/[id]}, {@code [base]/[type]?...},
 * {@code Patient/[id]/$everything} and {@code Patient/$everything?identifier=...}, base {@code /fhir/r4}. Every
 * answer is {@code application/fhir+json}; every error an OperationOutcome.
 */
@Path("/fhir/r4")
@Authenticated
public class FhirSearchResource {

    private final FhirSearchService service;
    private final FhirBundleWriter writer;
    private final CurrentCaller caller;

    FhirSearchResource(FhirSearchService service, FhirBundleWriter writer, CurrentCaller caller) {
        this.service = service;
        this.writer = writer;
        this.caller = caller;
    }

    @GET
    @Path("/{type}")
    @Produces({OperationOutcomes.FHIR_JSON, "application/json"})
    @RolesAllowed({Roles.CLINICIAN, Roles.SOCIAL_WORKER, Roles.PATIENT})
    public Uni<String> search(@PathParam("type") String type, @HeaderParam("Prefer") String prefer,
            @Context UriInfo uri) {
        FhirRequests.checkFormat(uri);
        FhirResourceType resourceType = FhirRequests.type(type);
        FhirQuery query = FhirSearchParameters.search(resourceType, uri.getQueryParameters(),
                FhirRequests.strict(prefer));
        return service.search(caller.get(), query)
                .map(page -> writer.toSearchset(page, FhirRequests.base(uri), resourceType.fhirName()));
    }

    @GET
    @Path("/{type}/{id}")
    @Produces({OperationOutcomes.FHIR_JSON, "application/json"})
    @RolesAllowed({Roles.CLINICIAN, Roles.SOCIAL_WORKER, Roles.PATIENT})
    public Uni<String> read(@PathParam("type") String type, @PathParam("id") String id, @Context UriInfo uri) {
        FhirRequests.checkFormat(uri);
        FhirResourceType resourceType = FhirRequests.type(type);
        UUID itemId = FhirRequests.id(resourceType, id);
        return service.read(caller.get(), resourceType, itemId).map(item -> item.resource());
    }

    @GET
    @Path("/Patient/{id}/$everything")
    @Produces({OperationOutcomes.FHIR_JSON, "application/json"})
    @RolesAllowed({Roles.CLINICIAN, Roles.SOCIAL_WORKER, Roles.PATIENT})
    public Uni<String> everything(@PathParam("id") String id, @HeaderParam("Prefer") String prefer,
            @Context UriInfo uri) {
        return everything(id, "Patient/" + id + "/$everything", prefer, uri);
    }

    @GET
    @Path("/Patient/$everything")
    @Produces({OperationOutcomes.FHIR_JSON, "application/json"})
    @RolesAllowed({Roles.CLINICIAN, Roles.SOCIAL_WORKER, Roles.PATIENT})
    public Uni<String> everythingByIdentifier(@HeaderParam("Prefer") String prefer, @Context UriInfo uri) {
        return everything(null, "Patient/$everything", prefer, uri);
    }

    private Uni<String> everything(String id, String path, String prefer, UriInfo uri) {
        FhirRequests.checkFormat(uri);
        FhirQuery query = FhirSearchParameters.everything(id, uri.getQueryParameters(), FhirRequests.strict(prefer));
        return service.search(caller.get(), query).map(page -> writer.toSearchset(page, FhirRequests.base(uri), path));
    }

}
