package org.kmcr.portal.client;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.kmcr.common.consent.CorrectionDecision;
import org.kmcr.common.consent.CorrectionRequest;
import org.kmcr.common.consent.CorrectionRequestView;

/** Consent's citizen requests, as the signed-in user: the one bean the portal's services call them through. */
@ApplicationScoped
public class RequestsClient {

    private final RequestsApi api;

    RequestsClient(@RestClient RequestsApi api) {
        this.api = api;
    }

    public Uni<String> requestDirective(RequestsApi.DirectiveRequest request) {
        return api.requestDirective(request);
    }

    public Uni<String> myDirectives() {
        return api.myDirectives();
    }

    public Uni<String> directives(String status, int page, int size) {
        return api.directives(status, page, size);
    }

    public Uni<String> decideDirective(UUID id, RequestsApi.DirectiveDecision decision) {
        return api.decideDirective(id, decision);
    }

    public Uni<CorrectionRequestView> requestCorrection(CorrectionRequest request) {
        return api.requestCorrection(request);
    }

    public Uni<List<CorrectionRequestView>> myCorrections() {
        return api.myCorrections();
    }

    public Uni<List<CorrectionRequestView>> corrections(String status, int page, int size) {
        return api.corrections(status, page, size);
    }

    public Uni<CorrectionRequestView> decideCorrection(UUID id, CorrectionDecision decision) {
        return api.decideCorrection(id, decision);
    }
}
