package org.kmcr.identity.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.kmcr.identity.model.IdentityLink;

@ApplicationScoped
public class IdentityLinkRepository implements PanacheRepositoryBase<IdentityLink, UUID> {

    public Uni<IdentityLink> findActive(UUID sourceIdentityId) {
        return find("sourceIdentityId = ?1 and active = true", sourceIdentityId).firstResult();
    }

    /** Ends a link now, in the database at once, so that a replacement may be inserted in the same transaction. */
    public Uni<Integer> deactivate(UUID linkId) {
        return update("active = false, deactivatedAt = ?1 where id = ?2 and active = true", Instant.now(), linkId);
    }
}
