package org.kmcr.consent.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.consent.model.BreakGlassReview;
import org.kmcr.consent.policy.AccessPolicy;
import org.kmcr.consent.policy.AccessRequest;
import org.kmcr.consent.repository.BreakGlassReviewRepository;

/** The privacy officers' queue of break-glass accesses to judge. */
@ApplicationScoped
public class BreakGlassReviewService {

    private final BreakGlassReviewRepository repository;
    private final Clock clock;

    BreakGlassReviewService(BreakGlassReviewRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** Queues an open review of a break-glass access; joins the caller's transaction when there is one. */
    @WithTransaction
    public Uni<BreakGlassReview> queue(AccessRequest request) {
        BreakGlassReview review = new BreakGlassReview();
        review.id = UUID.randomUUID();
        review.personId = request.personId();
        review.nhsNumber = request.nhsNumber();
        review.userId = request.requester().userId();
        review.userName = request.requester().displayName();
        review.role = AccessPolicy.actingRole(request.requester()).orElseThrow();
        review.orgCode = request.requester().orgCode();
        review.reason = request.breakGlassReason().strip();
        review.occurredAt = now();
        review.status = BreakGlassReview.OPEN;
        return repository.persist(review);
    }

    /** Reviews newest first; only those with the given status (open or closed) unless it is null. */
    @WithSession
    public Uni<List<BreakGlassReview>> list(String status, int page, int size) {
        return repository.newestFirst(status, page, size);
    }

    /**
     * Records a privacy officer's judgement and closes the review: 404 when there is no such review, 409 when
     * it is already closed (a judgement is never overwritten).
     */
    @WithTransaction
    public Uni<BreakGlassReview> close(UUID id, String outcome, String note, String reviewer) {
        return repository.findForUpdate(id).map(review -> {
            if (review == null) {
                throw ProblemException.notFound("There is no break-glass review " + id);
            }
            if (BreakGlassReview.CLOSED.equals(review.status)) {
                throw new ProblemException(409, "Conflict", "This break-glass review was already closed as "
                        + review.outcome + " on " + review.reviewedAt);
            }
            review.status = BreakGlassReview.CLOSED;
            review.outcome = outcome;
            review.reviewNote = note;
            review.reviewer = reviewer;
            review.reviewedAt = now();
            return review;
        });
    }

    private Instant now() {
        // PostgreSQL keeps microseconds; answer what will be stored
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
