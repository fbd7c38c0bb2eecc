package org.kmcr.portal.client;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The MPI's review tasks, as the signed-in user: the one bean the portal's services call them through. */
@ApplicationScoped
public class LinkReviewsClient {

    private final LinkReviewsApi api;

    LinkReviewsClient(@RestClient LinkReviewsApi api) {
        this.api = api;
    }

    public Uni<List<LinkReviewsApi.LinkReview>> list(String status, int page, int size) {
        return api.list(status, page, size);
    }

    public Uni<LinkReviewsApi.LinkReview> decide(UUID id, LinkReviewsApi.Decision decision) {
        return api.decide(id, decision);
    }
}
