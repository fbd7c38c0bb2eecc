package org.kmcr.identity.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kmcr.common.audit.AuditOutbox;
import org.kmcr.common.audit.GovernanceAudit;
import org.kmcr.common.audit.GovernanceEvents;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.common.security.Caller;
import org.kmcr.identity.model.IdentityLink;
import org.kmcr.identity.model.LinkReview;
import org.kmcr.identity.repository.IdentityLinkRepository;
import org.kmcr.identity.repository.LinkReviewRepository;
import org.kmcr.identity.repository.PersonRepository;
import org.kmcr.identity.repository.SourceIdentityRepository;

/** The privacy officers' queue of links whose demographics contradict the person's, and their decisions. */
@ApplicationScoped
public class LinkReviewService {

    static final String LIST_REVIEWS = "identity.link-review.list";
    static final String DECIDE_REVIEW = "identity.link-review.decide";
    /** A link review shows who the person is: the record category of names, dates of birth and sex. */
    static final List<String> SHOWN = List.of("demographics");
    /** The audit outcome of each decision. */
    static final String LINKED = "linked";
    static final String REJECTED = "rejected";
    static final String SEPARATED = "separated";
    static final String DEFERRED = "deferred";

    private final LinkReviewRepository reviews;
    private final IdentityLinkRepository links;
    private final SourceIdentityRepository sourceIdentities;
    private final PersonRepository persons;
    private final GovernanceAudit audit;
    private final AuditOutbox outbox;

    LinkReviewService(LinkReviewRepository reviews, IdentityLinkRepository links,
            SourceIdentityRepository sourceIdentities, PersonRepository persons, GovernanceAudit audit, AuditOutbox outbox) {
        this.reviews = reviews;
        this.links = links;
        this.sourceIdentities = sourceIdentities;
        this.persons = persons;
        this.audit = audit;
        this.outbox = outbox;
    }

    /**
     * Reviews newest first, only those with the given status (open or closed) unless it is null. The read is
     * audited, as the caller's, before the reviews are returned; if audit cannot commit it, nothing is returned.
     */
    @WithSession
    public Uni<List<LinkReview>> list(String status, int page, int size, Caller caller) {
        return reviews.newestFirst(status, page, size)
                .call(found -> audit.record(caller, LIST_REVIEWS, GovernanceEvents.PERMITTED, null, null, SHOWN));
    }

    /**
     * Records a privacy officer's decision and closes the review. {@code link} makes a pending link active (or
     * confirms an active one); {@code reject} leaves the source identity part of nobody (link state rejected)
     * until the source corrects its data. 404 when there is no such review, 409 when it is already closed (a
     * decision is never overwritten). The decision's audit event, as the decider's, is written to the audit
     * outbox in the same transaction: no decision without its event, and a decision is taken while audit is down.
     */
    @WithTransaction
    public Uni<LinkReview> decide(UUID reviewId, String decision, String note, Caller decider) {
        return reviews.sourceIdentityOf(reviewId).chain(sourceIdentityId -> {
            if (sourceIdentityId == null) {
                return Uni.createFrom().failure(ProblemException.notFound("There is no link review " + reviewId));
            }
            // the same lock order as a resolve: source identity, then person
            return sourceIdentities.lock(sourceIdentityId)
                    .chain(() -> reviews.findById(reviewId))
                    .call(review -> persons.lock(review.personId))
                    .chain(review -> links.findById(review.linkId).chain(link -> apply(review, link, decision, note,
                            decider)))
                    .call(review -> outbox.add(GovernanceEvents.of(decider, DECIDE_REVIEW, outcome(decision),
                            review.personId, review.evidence.incoming().nhsNumber(), SHOWN)));
        });
    }

    private static String outcome(String decision) {
        return switch (decision) {
            case LinkReview.LINK -> LINKED;
            case LinkReview.SEPARATE -> SEPARATED;
            case LinkReview.DEFER -> DEFERRED;
            default -> REJECTED;
        };
    }

    private Uni<LinkReview> apply(LinkReview review, IdentityLink link, String decision, String note,
            Caller decider) {
        checkOpen(review, link);
        boolean possibleMatch = LinkReview.POSSIBLE_MATCH.equals(review.kind);
        if (LinkReview.DEFER.equals(decision)) {
            review.deferredBy = decider.userId();
            review.deferredAt = LinkKeeper.now();
            review.decisionNote = note;
            return Uni.createFrom().item(review);
        }
        if (possibleMatch && LinkReview.REJECT.equals(decision)
                || !possibleMatch && LinkReview.SEPARATE.equals(decision)) {
            throw ProblemException.unprocessable(possibleMatch
                    ? "A possible match is linked, separated or deferred, not rejected"
                    : "Only a possible match can be separated; this review is decided by link, reject or defer");
        }
        close(review, decision, note, decider);
        if (!LinkReview.SEPARATE.equals(decision)) {
            link.state = LinkReview.LINK.equals(decision) ? IdentityLink.ACTIVE : IdentityLink.REJECTED;
            link.decidedBy = decider.userId();
            return Uni.createFrom().item(review);
        }
        return links.retire(link.id).chain(persons::create)
                .chain(person -> links.persist(LinkMoves.active(link.sourceIdentityId, person.id, Match.REVIEW,
                        BigDecimal.ONE, Map.of("review", "a privacy officer found this is another person"),
                        decider.userId(), null)))
                .replaceWith(review);
    }

    private static void close(LinkReview review, String decision, String note, Caller decider) {
        review.status = LinkReview.CLOSED;
        review.decision = decision;
        review.decisionNote = note;
        review.decidedBy = decider.userId();
        review.decidedByName = decider.displayName();
        review.decidedAt = LinkKeeper.now();
    }

    private static void checkOpen(LinkReview review, IdentityLink link) {
        if (LinkReview.CLOSED.equals(review.status)) {
            throw new ProblemException(409, "Conflict", "This link review was already closed ("
                    + review.decision + ") on " + review.decidedAt);
        }
        String expected = LinkReview.EXISTING_LINK.equals(review.kind) ? IdentityLink.ACTIVE
                : IdentityLink.PENDING_REVIEW;
        if (!expected.equals(link.state)) {
            throw new ProblemException(409, "Conflict", "The link this review is about is " + link.state
                    + " now, not " + expected);
        }
    }
}
