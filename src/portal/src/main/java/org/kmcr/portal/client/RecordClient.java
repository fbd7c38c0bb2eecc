package org.kmcr.portal.client;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.kmcr.common.consent.BreakGlass;
import org.kmcr.common.record.RecordSummary;
import org.kmcr.common.record.TimelinePage;

/** Record query, as the signed-in user: the one bean the portal's services call it through. */
@ApplicationScoped
public class RecordClient {

    private final RecordApi api;

    RecordClient(@RestClient RecordApi api) {
        this.api = api;
    }

    public Uni<RecordSummary> summary(String nhsNumber) {
        return api.summary(nhsNumber);
    }

    public Uni<RecordSummary> breakGlass(String nhsNumber, BreakGlass breakGlass) {
        return api.breakGlass(nhsNumber, breakGlass);
    }

    public Uni<RecordSummary> selfClaim(String nhsNumber, RecordApi.SelfClaimRequest claim) {
        return api.selfClaim(nhsNumber, claim);
    }

    public Uni<TimelinePage> timeline(String nhsNumber, String type, String cursor, Integer limit) {
        return api.timeline(nhsNumber, type, cursor, limit);
    }
}
