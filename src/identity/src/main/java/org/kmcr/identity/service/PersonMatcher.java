package org.kmcr.identity.service;

import io.smallrye.mutiny.Uni;
import org.kmcr.identity.model.IdentityLink;
import org.kmcr.identity.model.SourceIdentity;

/**
 * Port: decides which person a stored source identity belongs to, creating the person when there is none. The
 * match it returns is then settled by {@link LinkKeeper}, which holds a contradicted or possible match back for a
 * privacy officer's review.
 */
public interface PersonMatcher {

    /**
     * The person for this source identity (locked by the caller) and the evidence; runs in the caller's transaction.
     *
     * @param current the source identity's current link as the caller read it; null when it has none
     */
    Uni<Match> match(SourceIdentity source, IdentityLink current);
}
