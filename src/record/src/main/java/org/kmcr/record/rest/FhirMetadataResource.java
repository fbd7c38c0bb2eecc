package org.kmcr.record.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import org.kmcr.common.problem.OperationOutcomes;
import org.kmcr.common.security.Roles;
import org.kmcr.record.mapping.FhirCapabilityStatement;

/** {@code GET /fhir/r4/metadata}: the CapabilityStatement, made from what the server really serves. */
@Path("/fhir/r4/metadata")
@Authenticated
public class FhirMetadataResource {

    private final FhirCapabilityStatement statement;

    FhirMetadataResource(FhirCapabilityStatement statement) {
        this.statement = statement;
    }

    @GET
    @Produces({OperationOutcomes.FHIR_JSON, "application/json"})
    @RolesAllowed({Roles.CLINICIAN, Roles.SOCIAL_WORKER, Roles.PATIENT, Roles.PARTNER_SYSTEM})
    public String metadata(@Context UriInfo uri) {
        FhirRequests.checkFormat(uri);
        return statement.json();
    }
}
