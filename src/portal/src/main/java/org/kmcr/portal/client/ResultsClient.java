package org.kmcr.portal.client;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Record's observations of one person, as the signed-in user: the one bean the portal's services call it through. */
@ApplicationScoped
public class ResultsClient {

    /** Record's largest page: a person's results up to it are charted. */
    public static final int MOST = 1000;

    private final ResultsApi api;

    ResultsClient(@RestClient ResultsApi api) {
        this.api = api;
    }

    public Uni<String> observations(String nhsNumber) {
        return api.observations(nhsNumber, MOST);
    }
}
