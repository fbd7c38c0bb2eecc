package org.kmcr.portal.client;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The MPI's person search, as the signed-in user: the one bean the portal's services call it through. */
@ApplicationScoped
public class PersonSearchClient {

    private final PersonSearchApi api;

    PersonSearchClient(@RestClient PersonSearchApi api) {
        this.api = api;
    }

    public Uni<List<PersonCandidate>> byNhsNumber(String nhsNumber) {
        return api.byNhsNumber(nhsNumber);
    }

    public Uni<List<PersonCandidate>> byDemographics(String family, String given, String birthDate, String postcode) {
        return api.byDemographics(family, given, birthDate, postcode);
    }
}
