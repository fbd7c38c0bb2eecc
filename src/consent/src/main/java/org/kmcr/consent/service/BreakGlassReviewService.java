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
import org.kmcr.common.consent.Basis;
import org.kmcr.common.consent.CallerDetails;
import org.kmcr.common.consent.PrivacyAlert;
import org.kmcr.common.consent.Purpose;
import org.kmcr.common.consent.RelationshipAssertion;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.consent.model.BreakGlassReview;
import org.kmcr.consent.policy.AccessPolicy;
import org.kmcr.consent.repository.BreakGlassReviewRepository;
import org.kmcr.consent.repository.RelationshipRepository;

/** The privacy officers' queue of disclosures to judge: break-glass accesses and accesses on self-claims. */
@ApplicationScoped
public class BreakGlassReviewService {

    private final BreakGlassReviewRepository repository;
    private final RelationshipRepository relationships;
    private final Clock clock;

    BreakGlassReviewService(BreakGlassReviewRepository repository, RelationshipRepository relationships,
            Clock clock) {
        this.repository = repository;
        this.relationships = relationships;
        this.clock = clock;
    }

    /**
     * Queues the review of a committed disclosure, once per audit event: reporting the same disclosure again
     * returns the review already queued. An access on a self-claim is reviewed with the claim's own reason.
     */
    @WithTransaction
    public Uni<BreakGlassReview> queue(PrivacyAlert alert) {
        return repository.lockAuditEvent(alert.auditEventId())
                .chain(() -> repository.findByAuditEvent(alert.auditEventId()))
                .chain(existing -> existing != null ? Uni.createFrom().item(existing)
                        : reasonFor(alert).chain(reason -> repository.persist(review(alert, reason))));
    }

    private Uni<String> reasonFor(PrivacyAlert alert) {
        if (alert.basis() != Basis.SELF_CLAIMED || alert.caller().orgCode() == null) {
            return Uni.createFrom().item(alert.reason());
        }
        return relationships.latest(alert.personId(), alert.caller().orgCode(), RelationshipAssertion.SELF_CLAIMED)
                .map(claim -> claim == null ? alert.reason() : claim.reason);
    }

    /** Reviews newest first; only those with the given status (open or closed) unless it is null. */
    @WithSession
    public Uni<List<BreakGlassReview>> list(String status, int page, int size) {
        return repository.newestFirst(status, page, size);
    }

    /**
     * Records a privacy officer's judgement and closes the review: 404 when there is no such review, 409 when
     * it is already closed (a judgement is never overwritten), 403 when it is a review of the officer's own access.
     */
    @WithTransaction
    public Uni<BreakGlassReview> close(UUID id, String outcome, String note, String reviewer) {
        return repository.findForUpdate(id).map(review -> {
            if (review == null) {
                throw ProblemException.notFound("There is no break-glass review " + id);
            }
            if (review.userId.equals(reviewer)) {
                throw ProblemException.forbidden("You cannot judge a review of your own access: another privacy "
                        + "officer must close it");
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

    private BreakGlassReview review(PrivacyAlert alert, String reason) {
        CallerDetails requester = alert.caller();
        BreakGlassReview review = new BreakGlassReview();
        review.id = UUID.randomUUID();
        review.auditEventId = alert.auditEventId();
        review.basis = alert.basis().code();
        review.personId = alert.personId();
        review.nhsNumber = alert.nhsNumber();
        review.userId = requester.userId();
        review.userName = requester.displayName();
        review.role = AccessPolicy.actingRole(requester, Purpose.DIRECT_CARE).orElseThrow(() -> ProblemException.unprocessable(
                "Only staff accesses are reviewed; the caller holds no staff role"));
        review.orgCode = requester.orgCode();
        review.reason = reason == null ? "" : reason.strip();
        review.occurredAt = now();
        review.status = BreakGlassReview.OPEN;
        return review;
    }

    private Instant now() {
        // PostgreSQL keeps microseconds; answer what will be stored
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
