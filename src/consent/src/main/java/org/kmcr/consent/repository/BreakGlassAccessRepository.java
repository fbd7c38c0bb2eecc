package org.kmcr.consent.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.kmcr.consent.model.BreakGlassAccess;

/** The accesses that joined a break-glass review, by the audit event of each. */
@ApplicationScoped
public class BreakGlassAccessRepository implements PanacheRepositoryBase<BreakGlassAccess, UUID> {

    /** The accesses that joined any of these reviews, oldest first. */
    public Uni<List<BreakGlassAccess>> ofReviews(Collection<UUID> reviewIds) {
        if (reviewIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("reviewId in ?1", Sort.by("occurredAt").and("auditEventId"), reviewIds);
    }
}
