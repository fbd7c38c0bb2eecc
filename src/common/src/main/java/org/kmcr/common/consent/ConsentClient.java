package org.kmcr.common.consent;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.kmcr.common.client.Downstream;

/** Asks the consent service for access decisions and tells it about relationships found in source data. */
@ApplicationScoped
public class ConsentClient {

    private final ConsentApi api;

    ConsentClient(@RestClient ConsentApi api) {
        this.api = api;
    }

    /** The decision for one access; fails with a 503 problem when consent cannot answer (fail closed). */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.8, delay = 5, delayUnit = ChronoUnit.SECONDS)
    public Uni<AccessDecision> decide(AccessRequest request) {
        return api.decide(request)
                .onFailure().transform(Downstream.unavailable("consent", "access could not be decided"));
    }

    /** Whether the organisation's joint controllers' agreement is in force today: only partners share. */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.8, delay = 5, delayUnit = ChronoUnit.SECONDS)
    public Uni<Boolean> isSharingPartner(String odsCode) {
        return api.sharingPartner(odsCode).map(SharingPartner::inForce)
                .onFailure(Downstream::isNotFound).recoverWithItem(false)
                .onFailure().transform(Downstream.unavailable("consent", "the sender could not be checked"));
    }

    /** The names of the sharing partners by ODS code, for showing people who acted on a record. */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.8, delay = 5, delayUnit = ChronoUnit.SECONDS)
    public Uni<java.util.Map<String, String>> organisationNames() {
        return api.sharingPartners()
                .map(partners -> partners.stream().collect(java.util.stream.Collectors.toMap(
                        SharingPartner::odsCode, SharingPartner::name, (first, second) -> first)))
                .onFailure().transform(Downstream.unavailable("consent", "organisation names could not be read"));
    }

    /** Records (idempotently) a relationship such as a GP registration. */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.8, delay = 5, delayUnit = ChronoUnit.SECONDS)
    public Uni<Void> recordRelationship(Relationship relationship) {
        return api.recordRelationship(relationship).replaceWithVoid()
                .onFailure().transform(Downstream.unavailable("consent", "the relationship could not be recorded"));
    }
}
