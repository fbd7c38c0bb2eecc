package org.kmcr.identity.service;

import io.smallrye.mutiny.Uni;

/**
 * Port: decides which person a source patient belongs to, creating the person when there is none.
 * <p>
 * The only implementation today is {@link NhsNumberMatcher} (deterministic, on a valid NHS number); the
 * match it returns is then checked against the person's demographics by {@link LinkKeeper}, which holds a
 * contradicted link back for a privacy officer's review. Probabilistic matching on demographics is not built
 * yet; it will be another implementation of this port, and its "refer for review" band can use the same
 * review queue.
 */
public interface PersonMatcher {

    /**
     * The person for this patient and the evidence for the link. Runs inside the caller's transaction.
     * Fails with a 422 {@code ProblemException} when the matcher cannot decide, before anything is stored.
     */
    Uni<Match> match(ResolveCommand patient);
}
