package org.kmcr.consent.service;

import java.util.UUID;
import org.kmcr.consent.policy.AccessDecision;

/**
 * A decision as the service committed it.
 *
 * @param breakGlassReviewId the review queued for a privacy officer when the decision broke glass; null otherwise
 */
public record DecisionOutcome(AccessDecision decision, UUID breakGlassReviewId) {
}
