package org.kmcr.consent.rest;

import java.util.List;
import java.util.UUID;
import org.kmcr.consent.service.DecisionOutcome;

/**
 * A decision on the wire.
 *
 * @param decision           permit or deny
 * @param breakGlassReviewId the privacy officer's review queued by a break-glass permit; null otherwise
 */
public record AccessDecisionView(String decision, String basis, String reason, List<String> categories,
        List<String> obligations, UUID breakGlassReviewId) {

    static AccessDecisionView of(DecisionOutcome outcome) {
        var d = outcome.decision();
        return new AccessDecisionView(d.verdict().code(), d.basis(), d.reason(), d.categories(), d.obligations(),
                outcome.breakGlassReviewId());
    }
}
