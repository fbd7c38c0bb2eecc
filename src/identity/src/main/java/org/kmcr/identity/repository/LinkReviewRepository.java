package org.kmcr.identity.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.kmcr.identity.model.LinkReview;

@ApplicationScoped
public class LinkReviewRepository implements PanacheRepositoryBase<LinkReview, UUID> {

    /** Deferred reviews behind the others, each group newest first. */
    private static final Sort NEWEST_FIRST = Sort.by("deferredAt", Sort.Direction.Ascending, Sort.NullPrecedence.NULLS_FIRST)
            .and("openedAt", Sort.Direction.Descending).and("id");

    /** Reviews newest first, only those with the given status unless it is null. */
    public Uni<List<LinkReview>> newestFirst(String status, int page, int size) {
        return (status == null ? findAll(NEWEST_FIRST) : find("status", NEWEST_FIRST, status))
                .page(Page.of(page, size)).list();
    }

    /** The open review of a link; null when there is none. */
    public Uni<LinkReview> findOpen(UUID linkId) {
        return find("linkId = ?1 and status = ?2", linkId, LinkReview.OPEN).firstResult();
    }

    /** The reviews of a link that a privacy officer closed by linking it. */
    public Uni<List<LinkReview>> acceptedFor(UUID linkId) {
        return list("linkId = ?1 and decision = ?2", linkId, LinkReview.LINK);
    }

    /** The source identity a review is about, read without loading the review; null when there is no such review. */
    public Uni<UUID> sourceIdentityOf(UUID reviewId) {
        return getSession().chain(session -> session
                .createSelectionQuery("select sourceIdentityId from LinkReview where id = :id", UUID.class)
                .setParameter("id", reviewId)
                .getSingleResultOrNull());
    }

    /** Closes a link's open review, if any, because the link it was about has been replaced. */
    public Uni<Integer> supersedeOpen(UUID linkId) {
        return update("status = ?1, decision = ?2, decidedAt = ?3 where linkId = ?4 and status = ?5",
                LinkReview.CLOSED, LinkReview.SUPERSEDED, Instant.now(), linkId, LinkReview.OPEN);
    }
}
