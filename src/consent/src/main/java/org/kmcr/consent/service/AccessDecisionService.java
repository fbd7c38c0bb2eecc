package org.kmcr.consent.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.kmcr.common.consent.CallerDetails;
import org.kmcr.consent.policy.AccessDecision;
import org.kmcr.consent.policy.AccessPolicy;
import org.kmcr.consent.policy.AccessRequest;

/**
 * Answers access decisions: loads the facts and applies the policy. Deciding has no side effects, so a retried
 * decision is harmless; what a decision obliges (a privacy officer's review) is done when the disclosure is
 * reported ({@link BreakGlassReviewService#queue}).
 */
@ApplicationScoped
public class AccessDecisionService {

    private final AccessFactsLoader facts;

    AccessDecisionService(AccessFactsLoader facts) {
        this.facts = facts;
    }

    /** Decides one access. */
    public Uni<AccessDecision> decide(AccessRequest request) {
        return facts.load(request).map(loaded -> AccessPolicy.decide(request, loaded));
    }

    /** The policy's requester for the end user a calling service names. */
    public static AccessRequest.Requester requester(CallerDetails caller) {
        return new AccessRequest.Requester(caller.userId(), caller.displayName(), caller.roles(), caller.orgCode(),
                caller.roleCode(), caller.nhsNumber());
    }
}
