package org.kmcr.identity.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.kmcr.common.audit.AuditOutbox;
import org.kmcr.common.audit.GovernanceEvents;
import org.kmcr.common.identity.LinkStatus;
import org.kmcr.common.identity.ResolvedIdentity;
import org.kmcr.common.identity.SourceMerge;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.common.security.Caller;
import org.kmcr.identity.model.IdentityLink;
import org.kmcr.identity.model.Person;
import org.kmcr.identity.model.PersonMerge;
import org.kmcr.identity.model.SourceIdentity;
import org.kmcr.identity.model.SourceKey;
import org.kmcr.identity.repository.IdentityLinkRepository;
import org.kmcr.identity.repository.PersonMergeRepository;
import org.kmcr.identity.repository.PersonRepository;
import org.kmcr.identity.repository.SourceIdentityRepository;

/**
 * Merges and unmerges: a source's own merge of two of its patient ids (HL7 v2 A34/A40), a privacy officer's merge
 * of two persons, and the unmerge of either, which restores exactly the links there were before. Items follow
 * their source identities; nothing else is rewritten. Every merge and unmerge writes its audit event to
 * the audit outbox in its own transaction.
 */
@ApplicationScoped
public class MergeService {

    static final String SOURCE_MERGE = "identity.source-merge";
    static final String PERSON_MERGE = "identity.person-merge";
    static final String PERSON_UNMERGE = "identity.person-unmerge";
    static final List<String> SHOWN = List.of();

    private final SourceIdentityRepository sourceIdentities;
    private final IdentityLinkRepository links;
    private final PersonRepository persons;
    private final PersonMergeRepository merges;
    private final LinkMoves moves;
    private final AuditOutbox audit;

    MergeService(SourceIdentityRepository sourceIdentities, IdentityLinkRepository links, PersonRepository persons,
            PersonMergeRepository merges, LinkMoves moves, AuditOutbox audit) {
        this.sourceIdentities = sourceIdentities;
        this.links = links;
        this.persons = persons;
        this.merges = merges;
        this.moves = moves;
        this.audit = audit;
    }

    /**
     * Links the merged source identity to the surviving one's person. Both are the caller's own (the request's
     * organisation and system). Idempotent: when it is already linked there, nothing changes. A merged id the MPI
     * never saw leaves nothing to move. 404 when the survivor is unknown, 409 when its link is not active.
     */
    @WithTransaction
    public Uni<ResolvedIdentity> mergeSources(SourceMerge merge, Caller caller) {
        if (merge.survivingLocalId().equals(merge.mergedLocalId())) {
            throw ProblemException.unprocessable("A patient id cannot be merged into itself");
        }
        SourceKey surviving = new SourceKey(merge.sourceOrg(), merge.sourceSystem(), merge.survivingLocalId());
        SourceKey merged = new SourceKey(merge.sourceOrg(), merge.sourceSystem(), merge.mergedLocalId());
        return sourceIdentities.findByKey(surviving).chain(survivor -> {
            if (survivor == null) {
                throw ProblemException.notFound("The surviving patient id " + merge.survivingLocalId()
                        + " is not known to the MPI: send the patient's record first");
            }
            return sourceIdentities.findByKey(merged).chain(old -> lockSources(survivor, old)
                    .chain(() -> links.findCurrent(survivor.id))
                    .chain(survivorLink -> {
                        if (survivorLink == null || !IdentityLink.ACTIVE.equals(survivorLink.state)) {
                            throw new ProblemException(409, "Conflict", "The surviving patient is not linked to a"
                                    + " person yet (its link waits for review), so nothing can be merged into it");
                        }
                        Uni<Void> moved = old == null ? Uni.createFrom().voidItem()
                                : moveSource(old, survivorLink.personId, merge, caller);
                        return moved.chain(() -> persons.findById(survivorLink.personId))
                                .map(person -> new ResolvedIdentity(survivor.id, person.id, person.nhsNumber,
                                        survivorLink.method, LinkStatus.LINKED, null, survivorLink.score));
                    }));
        });
    }

    private Uni<Void> moveSource(SourceIdentity old, UUID survivingPerson, SourceMerge merge, Caller caller) {
        return links.findCurrent(old.id).chain(current -> {
            if (current != null && IdentityLink.ACTIVE.equals(current.state)
                    && current.personId.equals(survivingPerson)) {
                return Uni.createFrom().voidItem();
            }
            Map<String, String> evidence = Map.of("sourceMerge", "the source merged patient id "
                    + merge.mergedLocalId() + " into " + merge.survivingLocalId()
                    + (merge.messageId() == null ? "" : " (message " + merge.messageId() + ")"));
            if (current == null) {
                return links.persist(LinkMoves.active(old.id, survivingPerson, Match.SOURCE_MERGE,
                        BigDecimal.ONE, evidence, IdentityLink.SOURCE, null)).replaceWithVoid();
            }
            PersonMerge record = newMerge(current.personId, survivingPerson, PersonMerge.SOURCE,
                    evidence.get("sourceMerge"), IdentityLink.SOURCE + ":" + merge.sourceOrg());
            return lockPersons(current.personId, survivingPerson)
                    .chain(() -> merges.persist(record))
                    .chain(() -> moves.move(List.of(current), record, Match.SOURCE_MERGE, IdentityLink.SOURCE,
                            evidence))
                    .chain(() -> links.activeOf(current.personId))
                    .chain(left -> left.stream().anyMatch(l -> !l.id.equals(current.id))
                            ? Uni.createFrom().voidItem()
                            : persons.findById(current.personId).invoke(p -> p.mergedInto = survivingPerson)
                                    .replaceWithVoid())
                    .call(() -> audit.add(GovernanceEvents.of(caller, SOURCE_MERGE, GovernanceEvents.PERMITTED,
                            survivingPerson, null, SHOWN)));
        });
    }

    /**
     * A privacy officer's merge: every active link of the merged person moves to the survivor, and the merged
     * person points at the survivor. 404 for an unknown person, 409 when either was merged away already.
     */
    @WithTransaction
    public Uni<PersonMerge> mergePersons(UUID mergedId, UUID survivingId, String reason, Caller officer) {
        if (mergedId.equals(survivingId)) {
            throw ProblemException.unprocessable("A person cannot be merged into themselves");
        }
        return lockPersons(mergedId, survivingId).chain(() -> persons.findById(mergedId))
                .chain(merged -> persons.findById(survivingId).chain(survivor -> {
                    live(merged, mergedId);
                    live(survivor, survivingId);
                    PersonMerge merge = newMerge(mergedId, survivingId, PersonMerge.MANUAL, reason, officer.userId());
                    merged.mergedInto = survivingId;
                    return merges.persist(merge).chain(() -> links.activeOf(mergedId))
                            .chain(active -> moves.move(active, merge, Match.MANUAL_MERGE, officer.userId(),
                                    Map.of("merge", "a privacy officer merged two persons"
                                            + (reason == null ? "" : ": " + reason))))
                            .call(() -> audit.add(GovernanceEvents.of(officer, PERSON_MERGE,
                                    GovernanceEvents.PERMITTED, survivingId, survivor.nhsNumber, SHOWN)))
                            .replaceWith(merge);
                }));
    }

    /**
     * Undoes a merge: the links it made are retired and those it retired are made again as they were; the merged
     * person is live again. 404 for an unknown merge; 409 when it was undone already or a moved record has been
     * linked elsewhere since (undoing would then not restore the previous state).
     */
    @WithTransaction
    public Uni<PersonMerge> unmerge(UUID mergeId, Caller officer) {
        return merges.findById(mergeId).chain(merge -> {
            if (merge == null) {
                throw ProblemException.notFound("There is no merge " + mergeId);
            }
            if (merge.unmergedAt != null) {
                throw new ProblemException(409, "Conflict", "This merge was undone already on " + merge.unmergedAt);
            }
            return lockPersons(merge.mergedPersonId, merge.survivingPersonId)
                    .chain(() -> links.madeBy(mergeId))
                    .chain(made -> {
                        if (made.stream().anyMatch(link -> !IdentityLink.ACTIVE.equals(link.state))) {
                            throw new ProblemException(409, "Conflict", "A record this merge moved has been linked"
                                    + " elsewhere since, so undoing it would not restore the previous state");
                        }
                        return links.retiredBy(mergeId).chain(retired -> moves.undo(merge, made, retired));
                    })
                    .chain(() -> persons.findById(merge.mergedPersonId))
                    .invoke(merged -> merged.mergedInto = null)
                    .invoke(() -> {
                        merge.unmergedBy = officer.userId();
                        merge.unmergedAt = LinkKeeper.now();
                    })
                    .call(() -> audit.add(GovernanceEvents.of(officer, PERSON_UNMERGE, GovernanceEvents.PERMITTED,
                            merge.mergedPersonId, null, SHOWN)))
                    .replaceWith(merge);
        });
    }

    private static void live(Person person, UUID id) {
        if (person == null) {
            throw ProblemException.notFound("No person with id " + id + " is known");
        }
        if (person.mergedInto != null) {
            throw new ProblemException(409, "Conflict", "Person " + id + " was merged into " + person.mergedInto);
        }
    }

    private static PersonMerge newMerge(UUID merged, UUID surviving, String kind, String reason, String by) {
        PersonMerge merge = new PersonMerge();
        merge.id = UUID.randomUUID();
        merge.mergedPersonId = merged;
        merge.survivingPersonId = surviving;
        merge.kind = kind;
        merge.reason = reason;
        merge.mergedBy = by;
        merge.mergedAt = LinkKeeper.now();
        return merge;
    }

    private Uni<Void> lockSources(SourceIdentity a, SourceIdentity b) {
        TreeSet<UUID> ids = new TreeSet<>(List.of(a.id));
        if (b != null) {
            ids.add(b.id);
        }
        Uni<Void> locked = Uni.createFrom().voidItem();
        for (UUID id : ids) {
            locked = locked.chain(() -> sourceIdentities.lock(id));
        }
        return locked;
    }

    private Uni<Void> lockPersons(UUID a, UUID b) {
        return persons.lockInOrder(List.of(a, b));
    }
}
