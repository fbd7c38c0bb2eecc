package org.kmcr.consent.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.kmcr.common.consent.Basis;
import org.kmcr.common.consent.CallerDetails;
import org.kmcr.common.consent.PrivacyAlert;
import org.kmcr.common.consent.Purpose;
import org.kmcr.common.consent.RelationshipAssertion;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.consent.model.BreakGlassAccess;
import org.kmcr.consent.model.BreakGlassReview;
import org.kmcr.consent.policy.AccessPolicy;
import org.kmcr.consent.repository.BreakGlassAccessRepository;
import org.kmcr.consent.repository.BreakGlassReviewRepository;
import org.kmcr.consent.repository.RelationshipRepository;

/** The privacy officers' queue of disclosures to judge: break-glass accesses and accesses on self-claims. */
@ApplicationScoped
public class BreakGlassReviewService {

    private final BreakGlassReviewRepository repository;
    private final BreakGlassAccessRepository accesses;
    private final RelationshipRepository relationships;
    private final Clock clock;

    BreakGlassReviewService(BreakGlassReviewRepository repository, BreakGlassAccessRepository accesses,
            RelationshipRepository relationships, Clock clock) {
        this.repository = repository;
        this.accesses = accesses;
        this.relationships = relationships;
        this.clock = clock;
    }

    /**
     * Queues the review of a committed disclosure, once per audit event: reporting the same disclosure again
     * returns the review already queued (or joined). An access on a self-claim is reviewed with the claim's own
     * reason. A break-glass access without a reason of its own is an access within the window of the
     * professional's last break glass for the person: it joins that break glass's review while the review is
     * open, and once it is closed raises a review that continues it (and that further accesses join); neither
     * extends the window.
     */
    @WithTransaction
    public Uni<BreakGlassReview> queue(PrivacyAlert alert) {
        return repository.lockAuditEvent(alert.auditEventId())
                .chain(() -> repository.findByAuditEvent(alert.auditEventId()))
                .chain(existing -> existing != null ? Uni.createFrom().item(existing)
                        : accesses.findById(alert.auditEventId()).chain(joined -> joined != null
                                ? repository.findById(joined.reviewId)
                                : withinWindow(alert) ? join(alert)
                                : reasonFor(alert).chain(reason -> repository.persist(review(alert, reason)))));
    }

    private static boolean withinWindow(PrivacyAlert alert) {
        return alert.basis() == Basis.BREAK_GLASS && (alert.reason() == null || alert.reason().isBlank());
    }

    private Uni<BreakGlassReview> join(PrivacyAlert alert) {
        String userId = alert.caller().userId();
        return repository.lockWindow(userId, alert.personId())
                .chain(() -> repository.latestOpener(userId, alert.personId()))
                .chain(opener -> {
                    if (opener == null) {
                        throw ProblemException.unprocessable("This professional has not broken glass for this "
                                + "person, so there is no break-glass review for the access to join: a break-glass "
                                + "access must state its reason");
                    }
                    return repository.latestOpenOf(opener.id).chain(open -> open != null ? joined(open, alert)
                            : repository.persist(continuation(alert, opener)));
                });
    }

    private Uni<BreakGlassReview> joined(BreakGlassReview review, PrivacyAlert alert) {
        BreakGlassAccess access = new BreakGlassAccess();
        access.auditEventId = alert.auditEventId();
        access.reviewId = review.id;
        access.occurredAt = now();
        return accesses.persist(access).replaceWith(review);
    }

    private BreakGlassReview continuation(PrivacyAlert alert, BreakGlassReview opener) {
        BreakGlassReview review = review(alert, "Access within the break-glass window opened on " + opener.occurredAt
                + " (reason: " + opener.reason + "), after its review was closed");
        review.continuesReviewId = opener.id;
        return review;
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
    public Uni<List<ReviewedAccesses>> list(String status, int page, int size) {
        return repository.newestFirst(status, page, size).chain(this::withAccesses);
    }

    private Uni<List<ReviewedAccesses>> withAccesses(List<BreakGlassReview> reviews) {
        return accesses.ofReviews(reviews.stream().map(review -> review.id).toList()).map(found -> {
            Map<UUID, List<BreakGlassAccess>> byReview = found.stream()
                    .collect(Collectors.groupingBy(access -> access.reviewId));
            return reviews.stream().map(review -> new ReviewedAccesses(review,
                    byReview.getOrDefault(review.id, List.of()))).toList();
        });
    }

    /**
     * Records a privacy officer's judgement and closes the review: 404 when there is no such review, 409 when
     * it is already closed (a judgement is never overwritten), 403 when it is a review of the officer's own access.
     */
    @WithTransaction
    public Uni<ReviewedAccesses> close(UUID id, String outcome, String note, String reviewer) {
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
        }).chain(review -> withAccesses(List.of(review))).map(reviewed -> reviewed.get(0));
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
