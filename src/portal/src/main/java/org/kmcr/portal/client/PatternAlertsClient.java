package org.kmcr.portal.client;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Audit's access-pattern alerts, as the signed-in privacy officer: the one bean the portal calls them through. */
@ApplicationScoped
public class PatternAlertsClient {

    private final PatternAlertsApi api;

    PatternAlertsClient(@RestClient PatternAlertsApi api) {
        this.api = api;
    }

    /** Open alerts only, or (all) every alert with its latest review, newest first. */
    public Uni<List<PatternAlertsApi.PatternAlert>> list(boolean openOnly, int size) {
        return api.list(openOnly ? "open" : "all", 0, size);
    }

    public Uni<PatternAlertsApi.PatternAlert> review(UUID id, String outcome, String note) {
        return api.review(id, new PatternAlertsApi.Review(outcome, note));
    }
}
