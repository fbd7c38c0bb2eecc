package org.kmcr.portal.client;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.GenericType;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The audit log's search, as the signed-in privacy officer: the one bean the portal's services call it through. */
@ApplicationScoped
public class AuditSearchClient {

    private static final GenericType<List<AuditSearchApi.Entry>> ENTRIES = new GenericType<>() {
    };

    private final AuditSearchApi api;

    AuditSearchClient(@RestClient AuditSearchApi api) {
        this.api = api;
    }

    /** One page of matching entries, newest first, and the exact number of matches. */
    public Uni<Found> search(AuditSearchApi.Criteria criteria, int page, int size) {
        return api.search(criteria, page, size).map(response -> new Found(response.readEntity(ENTRIES),
                Long.parseLong(response.getHeaderString(AuditSearchApi.TOTAL_COUNT))));
    }

    /** The same page of the search as CSV. */
    public Uni<String> csv(AuditSearchApi.Criteria criteria, int page, int size) {
        return api.csv(criteria, page, size).map(response -> response.readEntity(String.class));
    }

    public record Found(List<AuditSearchApi.Entry> entries, long total) {
    }
}
