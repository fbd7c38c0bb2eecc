package org.kmcr.common.audit;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.kmcr.common.client.Downstream;

/**
 * Writes audit events and returns only once the audit service has committed them. Retries are safe because
 * the event id is the idempotency key.
 */
@ApplicationScoped
public class AuditClient {

    private final AuditApi api;

    AuditClient(@RestClient AuditApi api) {
        this.api = api;
    }

    /** Records an event; fails with a 503 problem (never silently succeeds) when audit cannot commit it. */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.8, delay = 5, delayUnit = ChronoUnit.SECONDS)
    public Uni<AuditReceipt> record(AuditEvent event) {
        return api.record(event)
                .onFailure().transform(Downstream.unavailable("audit", "nothing was disclosed"));
    }

    /**
     * Records several events in one request (at most 500), answering each in the order given: its receipt, or
     * why audit refused it; fails with a 503 problem when audit could not commit them.
     */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.8, delay = 5, delayUnit = ChronoUnit.SECONDS)
    public Uni<List<AuditBatchOutcome>> recordAll(List<AuditEvent> events) {
        return api.recordAll(events)
                .onFailure().transform(Downstream.unavailable("audit", "the events were not recorded"));
    }
}
