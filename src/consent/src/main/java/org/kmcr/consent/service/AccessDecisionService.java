package org.kmcr.consent.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.kmcr.consent.policy.AccessPolicy;
import org.kmcr.consent.policy.AccessRequest;

/** Answers access decisions: loads the facts, applies the policy, and carries out what the decision requires. */
@ApplicationScoped
public class AccessDecisionService {

    private final AccessFactsLoader facts;
    private final BreakGlassReviewService reviews;

    AccessDecisionService(AccessFactsLoader facts, BreakGlassReviewService reviews) {
        this.facts = facts;
        this.reviews = reviews;
    }

    /**
     * Decides one access. When the decision breaks glass, a review is queued for a privacy officer in the same
     * transaction, so that no break-glass permit is answered unless its review is committed.
     */
    @WithTransaction
    public Uni<DecisionOutcome> decide(AccessRequest request) {
        return facts.load(request)
                .map(loaded -> AccessPolicy.decide(request, loaded))
                .chain(decision -> decision.brokeGlass()
                        ? reviews.queue(request).map(review -> new DecisionOutcome(decision, review.id))
                        : Uni.createFrom().item(new DecisionOutcome(decision, null)));
    }
}
