package org.kmcr.identity.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.kmcr.identity.model.IdentityLink;

@ApplicationScoped
public class IdentityLinkRepository implements PanacheRepositoryBase<IdentityLink, UUID> {

    /** The source identity's current link (active, pending review or rejected); null when it has none. */
    public Uni<IdentityLink> findCurrent(UUID sourceIdentityId) {
        return find("sourceIdentityId = ?1 and state <> ?2", sourceIdentityId, IdentityLink.INACTIVE).firstResult();
    }

    /** Makes a link history now, in the database at once, so that a replacement may be inserted in the same transaction. */
    public Uni<Integer> retire(UUID linkId) {
        return update("state = ?1, deactivatedAt = ?2 where id = ?3 and state <> ?1",
                IdentityLink.INACTIVE, Instant.now(), linkId);
    }
}
