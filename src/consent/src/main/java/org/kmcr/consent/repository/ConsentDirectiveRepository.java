package org.kmcr.consent.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;
import org.kmcr.consent.model.ConsentDirective;

@ApplicationScoped
public class ConsentDirectiveRepository implements PanacheRepositoryBase<ConsentDirective, UUID> {

    private static final Sort NEWEST_FIRST = Sort.by("createdAt").descending().and("id");

    /** Directives newest first, of one person and of one status when given. */
    public Uni<List<ConsentDirective>> newestFirst(String nhsNumber, String status, int page, int size) {
        StringBuilder query = new StringBuilder("1 = 1");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (nhsNumber != null) {
            query.append(" and nhsNumber = :nhsNumber");
            params.put("nhsNumber", nhsNumber);
        }
        if (status != null) {
            query.append(" and status = :status");
            params.put("status", status);
        }
        return find(query.toString(), NEWEST_FIRST, params).page(Page.of(page, size)).list();
    }

    /** The directive, locked against concurrent changes until the transaction ends; null when unknown. */
    public Uni<ConsentDirective> findForUpdate(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
