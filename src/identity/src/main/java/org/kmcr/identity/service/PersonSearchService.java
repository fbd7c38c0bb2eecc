package org.kmcr.identity.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kmcr.common.audit.GovernanceAudit;
import org.kmcr.common.audit.GovernanceEvents;
import org.kmcr.common.security.Caller;
import org.kmcr.identity.config.MatchingConfig;
import org.kmcr.identity.matching.Agreement;
import org.kmcr.identity.matching.BlockingKeys;
import org.kmcr.identity.matching.FellegiSunter;
import org.kmcr.identity.matching.FieldEvidence;
import org.kmcr.identity.matching.MatchSubject;
import org.kmcr.identity.matching.PairScore;
import org.kmcr.identity.model.Candidate;
import org.kmcr.identity.model.Demographics;
import org.kmcr.identity.repository.SourceIdentityRepository;

/**
 * Finds persons for a clinician or a partner: by NHS number, or by name and date of birth (and postcode),
 * tolerant of typos because the same blocking keys and scores as the matcher are used. Ranked, at most
 * {@link #MOST} candidates, each with the reasons it was found. Every search is audited before it answers.
 */
@ApplicationScoped
public class PersonSearchService {

    static final String SEARCH = "identity.person.search";
    static final List<String> SHOWN = List.of("demographics");
    static final int MOST = 10;
    private static final FellegiSunter SCORER = FellegiSunter.shipped();

    /**
     * One person found: the best-scoring of their records and why it was found.
     *
     * @param weight what ranks (the probability rounds to 1 for every strong candidate)
     */
    /** @param nhsNumber the matched source identity's NHS number, so the caller can open the record */
    public record Found(UUID personId, double score, double weight, List<String> reasons, Demographics demographics,
            String nhsNumber) {
    }

    private final SourceIdentityRepository sourceIdentities;
    private final NameFrequencyCache frequencies;
    private final MatchingConfig config;
    private final GovernanceAudit audit;

    PersonSearchService(SourceIdentityRepository sourceIdentities, NameFrequencyCache frequencies, MatchingConfig config, GovernanceAudit audit) {
        this.sourceIdentities = sourceIdentities;
        this.frequencies = frequencies;
        this.config = config;
        this.audit = audit;
    }

    /** The ranked candidates for what the caller knows (a valid NHS number, or a name with a date of birth). */
    @WithSession
    public Uni<List<Found>> search(String nhsNumber, Demographics known, Caller caller) {
        MatchSubject subject = MatchSubject.of(nhsNumber, known);
        List<String> keys = BlockingKeys.of(subject);
        return sourceIdentities.candidates(keys, new UUID(0, 0), config.candidatesPerKey())
                .map(candidates -> rank(subject, candidates))
                .call(found -> audit.record(caller, SEARCH, GovernanceEvents.PERMITTED,
                        found.size() == 1 ? found.get(0).personId() : null, subject.nhsNumber(), SHOWN));
    }

    private List<Found> rank(MatchSubject subject, List<Candidate> candidates) {
        Map<UUID, Found> best = new HashMap<>();
        for (Candidate candidate : candidates) {
            PairScore score = SCORER.score(subject, MatchSubject.of(candidate.nhsNumber(), candidate.demographics()),
                    frequencies.current());
            if (score.probability() < SCORER.weights().review()) {
                continue;
            }
            Found found = new Found(candidate.personId(), score.probability(), score.weight(), reasons(score),
                    candidate.demographics(), candidate.nhsNumber());
            best.merge(candidate.personId(), found, (a, b) -> a.weight() >= b.weight() ? a : b);
        }
        return best.values().stream().sorted(Comparator.comparingDouble(Found::weight).reversed()).limit(MOST)
                .toList();
    }

    private static List<String> reasons(PairScore score) {
        List<String> reasons = new ArrayList<>();
        for (FieldEvidence field : score.fields()) {
            if (field.level() != Agreement.MISSING) {
                reasons.add(field.words());
            }
        }
        return reasons;
    }
}
