package org.kmcr.portal.client;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.kmcr.common.ingest.DeadLetterNotice;
import org.kmcr.common.ingest.FeedHealth;

/** Ingest's operations API, as the signed-in user: the one bean the portal's services call it through. */
@ApplicationScoped
public class IngestClient {

    private final IngestApi api;

    IngestClient(@RestClient IngestApi api) {
        this.api = api;
    }

    public Uni<List<FeedHealth>> feedHealth() {
        return api.feedHealth();
    }

    /** Every organisation's dead letters in the state, newest first (the platform operator's). */
    public Uni<List<DeadLetterNotice>> deadLetters(String state, int size) {
        return api.deadLetters(state, size);
    }

    /** Replays a dead letter as its sender; a failure is ingest's problem (status and title). */
    public Uni<DeadLetterNotice> replay(UUID id) {
        return api.replay(id);
    }
}
