package org.kmcr.portal.client;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.kmcr.common.consent.SharingPartner;

/** Consent's partner register and review queue, as the signed-in user: the one bean the portal's services call it through. */
@ApplicationScoped
public class ConsentPortalClient {

    private final ConsentApi api;

    ConsentPortalClient(@RestClient ConsentApi api) {
        this.api = api;
    }

    public Uni<List<SharingPartner>> sharingPartners() {
        return api.sharingPartners();
    }

    public Uni<List<AccessReview>> reviews(String status, int page, int size) {
        return api.reviews(status, page, size);
    }

    public Uni<AccessReview> close(UUID id, ConsentApi.ReviewOutcome outcome) {
        return api.close(id, outcome);
    }
}
