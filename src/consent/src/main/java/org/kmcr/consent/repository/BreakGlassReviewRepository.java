package org.kmcr.consent.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;
import org.kmcr.common.consent.Basis;
import org.kmcr.consent.model.BreakGlassReview;

@ApplicationScoped
public class BreakGlassReviewRepository implements PanacheRepositoryBase<BreakGlassReview, UUID> {

    private static final String BREAK_GLASS = Basis.BREAK_GLASS.code();
    private static final Sort NEWEST_FIRST = Sort.by("occurredAt").descending().and("id");

    /** Reviews newest first, only those with the given status unless it is null. */
    public Uni<List<BreakGlassReview>> newestFirst(String status, int page, int size) {
        return (status == null ? findAll(NEWEST_FIRST) : find("status", NEWEST_FIRST, status))
                .page(Page.of(page, size)).list();
    }

    /** The review, locked against concurrent changes until the transaction ends; null when unknown. */
    public Uni<BreakGlassReview> findForUpdate(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Serialises the queueing of one disclosure's review until the transaction ends. */
    public Uni<Void> lockAuditEvent(UUID auditEventId) {
        return getSession().chain(session -> AdvisoryLock.on(session, "review:" + auditEventId));
    }

    /** Serialises the joining of accesses to this professional's break glass for this person. */
    public Uni<Void> lockWindow(String userId, UUID personId) {
        return getSession().chain(session -> AdvisoryLock.on(session, "window:" + userId + ":" + personId));
    }

    /** The review of the professional's latest break glass for the person (one that opened a window); null if none. */
    public Uni<BreakGlassReview> latestOpener(String userId, UUID personId) {
        return find("userId = ?1 and personId = ?2 and basis = ?3 and continuesReviewId is null",
                NEWEST_FIRST, userId, personId, BREAK_GLASS).firstResult();
    }

    /** The newest open review of this break glass: its own or a continuation of it; null when all are closed. */
    public Uni<BreakGlassReview> latestOpenOf(UUID openerId) {
        return find("(id = ?1 or continuesReviewId = ?1) and status = ?2", NEWEST_FIRST, openerId,
                BreakGlassReview.OPEN).firstResult();
    }

    public Uni<BreakGlassReview> findByAuditEvent(UUID auditEventId) {
        return find("auditEventId", auditEventId).firstResult();
    }
}
