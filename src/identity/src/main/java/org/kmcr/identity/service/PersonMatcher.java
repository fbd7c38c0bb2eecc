package org.kmcr.identity.service;

import io.smallrye.mutiny.Uni;

/**
 * Port: decides which person a source patient belongs to, creating the person when there is none.
 * <p>
 * The only implementation today is {@link NhsNumberMatcher} (deterministic, on a valid NHS number).
 * Probabilistic matching on demographics, with a review queue between its link and no-link thresholds,
 * is not built yet; it will be another implementation of this port and will need a "refer for review"
 * outcome that {@link Match} does not have today.
 */
public interface PersonMatcher {

    /**
     * The person for this patient and the evidence for the link. Runs inside the caller's transaction.
     * Fails with a 422 {@code ProblemException} when the matcher cannot decide, before anything is stored.
     */
    Uni<Match> match(ResolveCommand patient);
}
