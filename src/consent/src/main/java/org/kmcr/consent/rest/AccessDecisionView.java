package org.kmcr.consent.rest;

import org.kmcr.common.consent.AccessDecision;

/** A policy decision as the contract in src/common carries it. */
final class AccessDecisionView {

    private AccessDecisionView() {
    }

    static AccessDecision of(org.kmcr.consent.policy.AccessDecision d) {
        return new AccessDecision(d.verdict().code(), d.basis(), d.reason(), d.categories(), d.obligations());
    }
}
