package org.kmcr.common.identity;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.kmcr.common.client.Downstream;

/** Resolves source patients to persons and persons to their source identities. */
@ApplicationScoped
public class IdentityClient {

    private final IdentityApi api;

    IdentityClient(@RestClient IdentityApi api) {
        this.api = api;
    }

    /** Finds or creates the person a source patient belongs to; resolving is idempotent, so retries are safe. */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.8, delay = 5, delayUnit = ChronoUnit.SECONDS)
    public Uni<ResolvedIdentity> resolve(SourcePatient patient) {
        return api.resolve(patient)
                .onFailure().transform(Downstream.unavailable("identity", "the patient could not be matched"));
    }

    /**
     * Tells the MPI that a source retired one of its local patient ids into another (HL7 v2 A34/A40). Idempotent:
     * the same merge sent again changes nothing. Answers the surviving source identity's resolution.
     */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.8, delay = 5, delayUnit = ChronoUnit.SECONDS)
    public Uni<ResolvedIdentity> merge(SourceMerge merge) {
        return api.merge(merge)
                .onFailure().transform(Downstream.unavailable("identity", "the merge could not be applied"));
    }

    /** The person with this NHS number and their source identities, or null when KMCR holds no such person. */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.8, delay = 5, delayUnit = ChronoUnit.SECONDS)
    public Uni<PersonIdentities> findByNhsNumber(String nhsNumber) {
        return api.findByNhsNumber(nhsNumber)
                .onFailure(Downstream::isNotFound).recoverWithNull()
                .onFailure().transform(Downstream.unavailable("identity", "the person could not be found"));
    }
}
