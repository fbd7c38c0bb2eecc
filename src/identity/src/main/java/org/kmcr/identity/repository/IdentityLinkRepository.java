package org.kmcr.identity.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.kmcr.identity.model.IdentityLink;

@ApplicationScoped
public class IdentityLinkRepository implements PanacheRepositoryBase<IdentityLink, UUID> {

    /** The source identity's current link (active, pending review or rejected); null when it has none. */
    public Uni<IdentityLink> findCurrent(UUID sourceIdentityId) {
        return find("sourceIdentityId = ?1 and state <> ?2", sourceIdentityId, IdentityLink.INACTIVE).firstResult();
    }

    /** The active links of a person. */
    public Uni<List<IdentityLink>> activeOf(UUID personId) {
        return list("personId = ?1 and state = ?2", personId, IdentityLink.ACTIVE);
    }

    /** The links a person merge made. */
    public Uni<List<IdentityLink>> madeBy(UUID mergeId) {
        return list("madeByMerge", mergeId);
    }

    /** The links a person merge retired. */
    public Uni<List<IdentityLink>> retiredBy(UUID mergeId) {
        return list("retiredByMerge", mergeId);
    }

    /** As {@link #retire(UUID)}, for a person merge: the link is marked as retired by it. */
    public Uni<Integer> retire(UUID linkId, UUID mergeId) {
        return update("state = ?1, deactivatedAt = ?2, retiredByMerge = ?3 where id = ?4 and state <> ?1",
                IdentityLink.INACTIVE, Instant.now(), mergeId, linkId);
    }

    /** Makes a link history now, in the database at once, so that a replacement may be inserted in the same transaction. */
    public Uni<Integer> retire(UUID linkId) {
        return update("state = ?1, deactivatedAt = ?2 where id = ?3 and state <> ?1",
                IdentityLink.INACTIVE, Instant.now(), linkId);
    }
}
