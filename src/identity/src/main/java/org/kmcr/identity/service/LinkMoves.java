package org.kmcr.identity.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kmcr.identity.model.IdentityLink;
import org.kmcr.identity.model.PersonMerge;
import org.kmcr.identity.repository.IdentityLinkRepository;
import org.kmcr.identity.repository.LinkReviewRepository;

/**
 * Moves active links from one person to another for a merge, and back for an unmerge: a moved link is retired
 * (marked as retired by the merge) and a new active link made (marked as made by it), so that every state stays
 * in the history and an unmerge knows exactly what to restore.
 */
@ApplicationScoped
public class LinkMoves {

    private final IdentityLinkRepository links;
    private final LinkReviewRepository reviews;

    LinkMoves(IdentityLinkRepository links, LinkReviewRepository reviews) {
        this.links = links;
        this.reviews = reviews;
    }

    /** Retires each link (and closes its open review as superseded) and links its source identity to the survivor. */
    public Uni<Void> move(List<IdentityLink> moved, PersonMerge merge, String method, String decidedBy,
            Map<String, String> evidence) {
        Uni<Void> done = Uni.createFrom().voidItem();
        for (IdentityLink link : moved) {
            done = done.chain(() -> reviews.supersedeOpen(link.id)).chain(() -> links.retire(link.id, merge.id))
                    .chain(() -> links.persist(active(link.sourceIdentityId, merge.survivingPersonId, method,
                            BigDecimal.ONE, evidence, decidedBy, merge.id))).replaceWithVoid();
        }
        return done;
    }

    /** Retires the links the merge made and makes again, as they were, the links it retired. */
    public Uni<Void> undo(PersonMerge merge, List<IdentityLink> made, List<IdentityLink> retired) {
        Uni<Void> done = Uni.createFrom().voidItem();
        for (IdentityLink link : made) {
            done = done.chain(() -> links.retire(link.id)).replaceWithVoid();
        }
        for (IdentityLink link : retired) {
            done = done.chain(() -> links.persist(active(link.sourceIdentityId, link.personId, link.method,
                    link.score, link.evidence, link.decidedBy, null))).replaceWithVoid();
        }
        return done;
    }

    static IdentityLink active(UUID sourceIdentityId, UUID personId, String method, BigDecimal score,
            Map<String, String> evidence, String decidedBy, UUID madeByMerge) {
        IdentityLink link = new IdentityLink();
        link.id = UUID.randomUUID();
        link.sourceIdentityId = sourceIdentityId;
        link.personId = personId;
        link.method = method;
        link.score = score;
        link.evidence = evidence;
        link.state = IdentityLink.ACTIVE;
        link.createdAt = LinkKeeper.now();
        link.decidedBy = decidedBy;
        link.madeByMerge = madeByMerge;
        return link;
    }
}
