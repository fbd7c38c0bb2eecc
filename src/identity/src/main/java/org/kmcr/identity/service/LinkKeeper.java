package org.kmcr.identity.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.kmcr.common.identity.LinkStatus;
import org.kmcr.common.identity.ResolvedIdentity;
import org.kmcr.identity.model.IdentityLink;
import org.kmcr.identity.model.LinkReview;
import org.kmcr.identity.model.ReviewEvidence;
import org.kmcr.identity.model.ReviewedIdentity;
import org.kmcr.identity.model.SourceIdentity;
import org.kmcr.identity.repository.IdentityLinkRepository;
import org.kmcr.identity.repository.LinkReviewRepository;
import org.kmcr.identity.repository.PersonRepository;
import org.kmcr.identity.repository.SourceIdentityRepository;

/**
 * Keeps a source identity's one current link in the state the rule gives: a valid NHS number links, unless the
 * source's demographics contradict every source identity already linked to that person; then the link waits
 * for a privacy officer (or, if it was already active, stays active while a review is opened).
 */
@ApplicationScoped
public class LinkKeeper {

    private final IdentityLinkRepository links;
    private final LinkReviewRepository reviews;
    private final SourceIdentityRepository sourceIdentities;
    private final PersonRepository persons;

    LinkKeeper(IdentityLinkRepository links, LinkReviewRepository reviews, SourceIdentityRepository sourceIdentities,
            PersonRepository persons) {
        this.links = links;
        this.reviews = reviews;
        this.sourceIdentities = sourceIdentities;
        this.persons = persons;
    }

    /**
     * Settles the link of a source identity (locked by the caller, its current link read by the caller after the
     * lock and given as {@code current}, null when none) to the matched person, in the caller's transaction:
     * <ul>
     * <li>no current link: active when the demographics do not contradict, else pending review with a review;
     * <li>a current link to another person (a corrected NHS number): it is retired, any open review of it
     *     closed as superseded, and the new link settled as above;
     * <li>an active link: stays active; a review is opened when the demographics now contradict, unless one is
     *     open or a privacy officer already accepted these very demographics;
     * <li>a pending link: stays pending until its review is decided;
     * <li>a rejected link: stays rejected while the demographics still contradict; once they do not, it is
     *     retired and an active link made.
     * </ul>
     * The rows of the persons concerned are locked first (in id order, so that two such calls cannot wait for
     * each other), so links to one person are settled one after another and each sees the ones before it.
     */
    public Uni<ResolvedIdentity> settle(SourceIdentity source, Match match, IdentityLink current) {
        return lockPersons(match.personId(), current).chain(() -> {
            if (current == null) {
                return linkAnew(source, match);
            }
            if (!current.personId.equals(match.personId())) {
                return retire(current).chain(() -> linkAnew(source, match));
            }
            return switch (current.state) {
                case IdentityLink.ACTIVE -> keepActive(current, source, match);
                case IdentityLink.PENDING_REVIEW -> reviews.findOpen(current.id)
                        .map(open -> answer(source, match, current, open));
                case IdentityLink.REJECTED -> recheckRejected(current, source, match);
                default -> throw new IllegalStateException("A current link cannot be " + current.state);
            };
        });
    }

    private Uni<Void> lockPersons(UUID matched, IdentityLink current) {
        return persons.lockInOrder(current == null ? List.of(matched) : List.of(matched, current.personId));
    }

    private Uni<ResolvedIdentity> linkAnew(SourceIdentity source, Match match) {
        if (match.needsReview()) {
            LinkCheck possible = new LinkCheck(false, match.possibleMatch());
            IdentityLink pending = newLink(source, match, IdentityLink.PENDING_REVIEW, possible);
            LinkReview review = newReview(pending, source, possible, LinkReview.POSSIBLE_MATCH);
            review.score = match.score();
            return links.persist(pending).chain(link -> reviews.persist(review))
                    .map(persisted -> answer(source, match, pending, persisted));
        }
        if (Match.DEMOGRAPHICS.equals(match.method())) {
            // the matcher weighed every field against the person's records already: no second, cruder check
            LinkCheck weighed = new LinkCheck(false, List.of());
            return links.persist(newLink(source, match, IdentityLink.ACTIVE, weighed))
                    .map(link -> answer(source, match, link, null));
        }
        return check(source, match).chain(check -> {
            if (!check.contradicted()) {
                return links.persist(newLink(source, match, IdentityLink.ACTIVE, check))
                        .map(link -> answer(source, match, link, null));
            }
            IdentityLink pending = newLink(source, match, IdentityLink.PENDING_REVIEW, check);
            return links.persist(pending)
                    .chain(link -> reviews.persist(newReview(link, source, check, LinkReview.NEW_LINK)))
                    .map(review -> answer(source, match, pending, review));
        });
    }

    private Uni<ResolvedIdentity> keepActive(IdentityLink active, SourceIdentity source, Match match) {
        return reviews.findOpen(active.id).chain(open -> {
            if (open != null) {
                return Uni.createFrom().item(answer(source, match, active, open));
            }
            return check(source, match).chain(check -> !check.contradicted()
                    ? Uni.createFrom().item(answer(source, match, active, null))
                    : reviews.acceptedFor(active.id).chain(accepted -> acceptedAlready(accepted, source)
                            ? Uni.createFrom().item(answer(source, match, active, null))
                            : reviews.persist(newReview(active, source, check, LinkReview.EXISTING_LINK))
                                    .map(review -> answer(source, match, active, review))));
        });
    }

    private Uni<ResolvedIdentity> recheckRejected(IdentityLink rejected, SourceIdentity source, Match match) {
        return check(source, match).chain(check -> check.contradicted()
                ? Uni.createFrom().item(answer(source, match, rejected, null))
                : retire(rejected).chain(() -> links.persist(newLink(source, match, IdentityLink.ACTIVE, check)))
                        .map(link -> answer(source, match, link, null)));
    }

    private Uni<LinkCheck> check(SourceIdentity source, Match match) {
        return sourceIdentities.linkedTo(match.personId()).map(linked -> LinkCheck.of(source, linked));
    }

    private Uni<Void> retire(IdentityLink link) {
        return reviews.supersedeOpen(link.id).chain(() -> links.retire(link.id)).replaceWithVoid();
    }

    private static boolean acceptedAlready(List<LinkReview> accepted, SourceIdentity source) {
        return accepted.stream().anyMatch(review -> Objects.equals(review.evidence.incoming().demographics(),
                source.demographics));
    }

    static ResolvedIdentity answer(SourceIdentity source, Match match, IdentityLink link, LinkReview review) {
        LinkStatus status = switch (link.state) {
            case IdentityLink.ACTIVE -> LinkStatus.LINKED;
            case IdentityLink.PENDING_REVIEW -> LinkStatus.PENDING_REVIEW;
            case IdentityLink.REJECTED -> LinkStatus.REJECTED;
            default -> throw new IllegalStateException("A current link cannot be " + link.state);
        };
        return new ResolvedIdentity(source.id, status == LinkStatus.LINKED ? link.personId : null,
                status == LinkStatus.LINKED ? match.nhsNumber() : source.nhsNumber, link.method, status,
                review == null ? null : review.id, link.score == null ? null : link.score.setScale(4, RoundingMode.DOWN));
    }

    static IdentityLink newLink(SourceIdentity source, Match match, String state, LinkCheck check) {
        IdentityLink link = new IdentityLink();
        link.id = UUID.randomUUID();
        link.sourceIdentityId = source.id;
        link.personId = match.personId();
        link.method = match.method();
        link.score = match.score();
        Map<String, String> evidence = new HashMap<>(match.evidence());
        if (!match.needsReview() && !Match.DEMOGRAPHICS.equals(match.method())) {
            evidence.put(LinkCheck.EVIDENCE_KEY, check.evidence());
        }
        link.evidence = evidence;
        link.state = state;
        link.createdAt = now();
        link.decidedBy = IdentityLink.MATCHER;
        return link;
    }

    static LinkReview newReview(IdentityLink link, SourceIdentity source, LinkCheck check, String kind) {
        LinkReview review = new LinkReview();
        review.id = UUID.randomUUID();
        review.linkId = link.id;
        review.sourceIdentityId = source.id;
        review.personId = link.personId;
        review.kind = kind;
        review.evidence = new ReviewEvidence(ReviewedIdentity.of(source, null), check.linked());
        review.openedAt = now();
        review.status = LinkReview.OPEN;
        return review;
    }

    static Instant now() {
        // PostgreSQL keeps microseconds; answer what will be stored
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
