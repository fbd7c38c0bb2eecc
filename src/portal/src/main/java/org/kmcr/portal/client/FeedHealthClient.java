package org.kmcr.portal.client;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Ingest's feed health, as the signed-in user: the one bean the portal's services call it through. */
@ApplicationScoped
public class FeedHealthClient {

    private final IngestApi api;

    FeedHealthClient(@RestClient IngestApi api) {
        this.api = api;
    }

    public Uni<List<FeedHealth>> feedHealth() {
        return api.feedHealth();
    }
}
