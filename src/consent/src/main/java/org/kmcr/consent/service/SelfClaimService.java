package org.kmcr.consent.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.kmcr.common.consent.AccessRequest;
import org.kmcr.common.consent.Action;
import org.kmcr.common.consent.ReasonCode;
import org.kmcr.common.consent.RelationshipAssertion;
import org.kmcr.common.consent.SelfClaim;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.common.security.Caller;
import org.kmcr.consent.model.Relationship;
import org.kmcr.consent.policy.Episodes;

/**
 * A professional's own claim that their organisation cares for a person: accepted only from staff of a sharing
 * partner who have no legitimate relationship already, time-limited to {@link #DAYS} days, and every access on it
 * alerts a privacy officer (the policy's obligation).
 */
@ApplicationScoped
public class SelfClaimService {

    public static final int DAYS = 30;

    private final AccessDecisionService decisions;
    private final EpisodeWriter episodes;
    private final java.time.Clock clock;

    SelfClaimService(AccessDecisionService decisions, EpisodeWriter episodes, java.time.Clock clock) {
        this.decisions = decisions;
        this.episodes = episodes;
        this.clock = clock;
    }

    /**
     * Records the claim, or leaves things as they are when the organisation already has a relationship or a
     * current claim; 403 with the policy's reason when the claimant may not see the record at all.
     *
     * @param recordedVia the client id of the KMCR service that passed the claim on
     */
    @WithTransaction
    public Uni<Void> claim(SelfClaim claim, String recordedVia) {
        AccessRequest request = new AccessRequest(claim.personId(), claim.nhsNumber(), Action.SUMMARY,
                claim.caller(), null);
        return decisions.decide(request).chain(decision -> {
            if (decision.permitted()) {
                return Uni.createFrom().voidItem();
            }
            if (decision.reasonCode() != ReasonCode.NO_LEGITIMATE_RELATIONSHIP) {
                throw ProblemException.forbidden(decision.reason());
            }
            return record(claim, recordedVia);
        });
    }

    private Uni<Void> record(SelfClaim claim, String recordedVia) {
        Caller claimant = new Caller(claim.caller().userId(), claim.caller().displayName(), claim.caller().roles(),
                claim.caller().orgCode(), null, claim.caller().roleCode(), null, recordedVia);
        Relationship author = RelationshipService.byPerson(claimant, "self-claim:" + UUID.randomUUID(),
                claim.reason().strip());
        author.recordedVia = recordedVia;
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        Episodes.Proposal proposal = new Episodes.Proposal(RelationshipAssertion.SELF_CLAIMED, today,
                today.plusDays(DAYS - 1L), claimant.orgCode(), false, author.sourceMessage);
        return episodes.apply(claim.personId(), claimant.orgCode(), proposal, author, null).replaceWithVoid();
    }
}
