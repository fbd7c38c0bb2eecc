package org.kmcr.common.consent;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.kmcr.common.client.Downstream;

/** Reads the national data opt-out list from consent, so that secondary use can leave its people out. */
@ApplicationScoped
public class OptOutClient {

    private final OptOutApi api;

    OptOutClient(@RestClient OptOutApi api) {
        this.api = api;
    }

    /** The current list; fails with a 503 problem when consent cannot answer (then no figure is released). */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.8, delay = 5, delayUnit = ChronoUnit.SECONDS)
    public Uni<OptOutExclusions> exclusions() {
        return api.exclusions()
                .onFailure().transform(Downstream.unavailable("consent", "the national data opt-out could not be read"));
    }
}
