package org.kmcr.identity.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.kmcr.common.audit.GovernanceAudit;
import org.kmcr.common.audit.GovernanceEvents;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.common.security.Caller;
import org.kmcr.identity.matching.FellegiSunter;
import org.kmcr.identity.matching.MatchDecision;
import org.kmcr.identity.matching.MatchSubject;
import org.kmcr.identity.model.IdentityLink;
import org.kmcr.identity.model.SourceIdentity;
import org.kmcr.identity.repository.IdentityLinkRepository;
import org.kmcr.identity.repository.SourceIdentityRepository;

/**
 * Why a source identity is linked as it is, and how any two source identities compare: the score and each
 * field's contribution in words. Shows no demographics, only how they compare; audited all the same, since it
 * tells whether two records are one person.
 */
@ApplicationScoped
public class ExplanationService {

    static final String EXPLAIN_LINK = "identity.link.explain";
    static final String EXPLAIN_PAIR = "identity.pair.explain";
    static final List<String> SHOWN = List.of("demographics");
    private static final FellegiSunter SCORER = FellegiSunter.shipped();

    /** A pair of source identities scored now, as the matcher would. */
    public record PairExplanation(SourceIdentity left, SourceIdentity right, MatchDecision decision) {
    }

    private final SourceIdentityRepository sourceIdentities;
    private final IdentityLinkRepository links;
    private final NameFrequencyCache frequencies;
    private final GovernanceAudit audit;

    ExplanationService(SourceIdentityRepository sourceIdentities, IdentityLinkRepository links,
            NameFrequencyCache frequencies, GovernanceAudit audit) {
        this.sourceIdentities = sourceIdentities;
        this.links = links;
        this.frequencies = frequencies;
        this.audit = audit;
    }

    /** The source identity's current link with its stored evidence; 404 when there is none. */
    @WithSession
    public Uni<IdentityLink> link(UUID sourceIdentityId, Caller caller) {
        return links.findCurrent(sourceIdentityId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound(
                        "Source identity " + sourceIdentityId + " is not known or has no current link"))
                .call(link -> audit.record(caller, EXPLAIN_LINK, GovernanceEvents.PERMITTED, link.personId, null,
                        SHOWN));
    }

    /** Two source identities compared now with the shipped weights and the index's name frequencies. */
    @WithSession
    public Uni<PairExplanation> pair(UUID left, UUID right, Caller caller) {
        return found(left).chain(a -> found(right).map(b -> {
            MatchSubject x = MatchSubject.of(a.nhsNumber, a.demographics);
            MatchSubject y = MatchSubject.of(b.nhsNumber, b.demographics);
            return new PairExplanation(a, b, MatchDecision.of(SCORER.score(x, y, frequencies.current()), x, y,
                    SCORER.weights()));
        })).call(explained -> audit.record(caller, EXPLAIN_PAIR, GovernanceEvents.PERMITTED, null, null, SHOWN));
    }

    private Uni<SourceIdentity> found(UUID id) {
        return sourceIdentities.findById(id).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("Source identity " + id + " is not known"));
    }
}
