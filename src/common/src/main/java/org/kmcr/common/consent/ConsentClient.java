package org.kmcr.common.consent;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.kmcr.common.client.Downstream;
import org.kmcr.common.problem.ProblemException;

/**
 * Asks the consent service for access decisions, reports disclosures that need a privacy officer, and passes on
 * relationships found in source data. Every call is safe to retry: decisions have no side effects, alerts are
 * idempotent on the audit event id, claims and assertions on their natural keys.
 */
@ApplicationScoped
public class ConsentClient {

    private final ConsentApi api;

    ConsentClient(@RestClient ConsentApi api) {
        this.api = api;
    }

    /** The decision for one access; fails with a 503 problem when consent cannot answer (fail closed). */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.8, delay = 5, delayUnit = ChronoUnit.SECONDS)
    public Uni<AccessDecision> decide(AccessRequest request) {
        return api.decide(request)
                .onFailure().transform(Downstream.unavailable("consent", "access could not be decided"));
    }

    /** Queues the privacy officer's review of a committed disclosure; once per audit event id. */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.8, delay = 5, delayUnit = ChronoUnit.SECONDS)
    public Uni<Void> alertPrivacyOfficer(PrivacyAlert alert) {
        return api.alert(alert)
                .onFailure().transform(Downstream.unavailable("consent", "no privacy officer could be alerted"));
    }

    /** Records a professional's self-claimed relationship; consent's refusal (403) reaches the caller as is. */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, abortOn = ProblemException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.8, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = ProblemException.class)
    public Uni<Void> selfClaim(SelfClaim claim) {
        return api.selfClaim(claim)
                .onFailure(Downstream::isForbidden).transform(Downstream::forbiddenAsIs)
                .onFailure().transform(Downstream.unavailable("consent", "the relationship could not be recorded"));
    }

    /** The organisation's standing under the joint controllers' agreement; null when it has never been a partner. */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.8, delay = 5, delayUnit = ChronoUnit.SECONDS)
    public Uni<SharingPartner> sharingPartner(String odsCode) {
        return api.sharingPartner(odsCode)
                .onFailure(Downstream::isNotFound).recoverWithNull()
                .onFailure().transform(Downstream.unavailable("consent", "the sender could not be checked"));
    }

    /** The names of the sharing partners by ODS code, for showing people who acted on a record. */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.8, delay = 5, delayUnit = ChronoUnit.SECONDS)
    public Uni<Map<String, String>> organisationNames() {
        return api.sharingPartners()
                .map(partners -> partners.stream().collect(Collectors.toMap(
                        SharingPartner::odsCode, SharingPartner::name, (first, second) -> first)))
                .onFailure().transform(Downstream.unavailable("consent", "organisation names could not be read"));
    }

    /** Passes on a relationship a partner's message asserts; consent verifies it or keeps it as unverified. */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.8, delay = 5, delayUnit = ChronoUnit.SECONDS)
    public Uni<AssertionOutcome> assertRelationship(RelationshipAssertion assertion) {
        return api.assertRelationship(assertion)
                .onFailure().transform(Downstream.unavailable("consent", "the relationship could not be recorded"));
    }
}
