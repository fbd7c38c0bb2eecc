package org.kmcr.consent.rest;

import org.kmcr.common.consent.AccessDecision;

/** Maps the policy's decision to the contract in src/common that callers share. */
final class DecisionContract {

    private DecisionContract() {
    }

    static AccessDecision of(org.kmcr.consent.policy.AccessDecision d) {
        return new AccessDecision(d.verdict().code(), d.basis(), d.reason(), d.categories(), d.obligations());
    }
}
