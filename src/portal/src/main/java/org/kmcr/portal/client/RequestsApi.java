package org.kmcr.portal.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.kmcr.common.consent.CorrectionDecision;
import org.kmcr.common.consent.CorrectionRequest;
import org.kmcr.common.consent.CorrectionRequestView;

/**
 * Consent's citizen requests ({@code src/consent}), as the signed-in user: objections and restrictions (FHIR Consent
 * resources, read as JSON by {@code ConsentDirectives}) and correction requests.
 */
@RegisterRestClient(configKey = "consent")
@RegisterProvider(UserToken.class)
@Path("/api")
@Consumes(MediaType.APPLICATION_JSON)
public interface RequestsApi {

    String FHIR_JSON = "application/fhir+json";

    @POST
    @Path("/me/consent-directives")
    @Produces(FHIR_JSON)
    Uni<String> requestDirective(DirectiveRequest request);

    @GET
    @Path("/me/consent-directives")
    @Produces(FHIR_JSON)
    Uni<String> myDirectives();

    @GET
    @Path("/consent-directives")
    @Produces(FHIR_JSON)
    Uni<String> directives(@QueryParam("status") String status, @QueryParam("page") int page,
            @QueryParam("size") int size);

    @POST
    @Path("/consent-directives/{id}/decision")
    @Produces(FHIR_JSON)
    Uni<String> decideDirective(@PathParam("id") UUID id, DirectiveDecision decision);

    @POST
    @Path("/me/correction-requests")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<CorrectionRequestView> requestCorrection(CorrectionRequest request);

    @GET
    @Path("/me/correction-requests")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<List<CorrectionRequestView>> myCorrections();

    @GET
    @Path("/correction-requests")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<List<CorrectionRequestView>> corrections(@QueryParam("status") String status, @QueryParam("page") int page,
            @QueryParam("size") int size);

    @POST
    @Path("/correction-requests/{id}/decision")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<CorrectionRequestView> decideCorrection(@PathParam("id") UUID id, CorrectionDecision decision);

    /**
     * A citizen's objection or restriction, as consent's {@code DirectiveRequestBody} reads it (that record sits in
     * consent's rest package, not yet in {@code src/common}; the end-to-end journeys prove both sides agree).
     */
    record DirectiveRequest(String kind, Set<String> categories, Set<String> recipientOrgs, String reason) {
    }

    /** A privacy officer's decision on a queued directive, as consent's {@code DirectiveDecisionBody} reads it. */
    record DirectiveDecision(String outcome, String note, String contact) {
    }
}
