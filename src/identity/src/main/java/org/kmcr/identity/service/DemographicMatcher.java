package org.kmcr.identity.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.kmcr.identity.config.MatchingConfig;
import org.kmcr.identity.matching.BlockingKeys;
import org.kmcr.identity.matching.FellegiSunter;
import org.kmcr.identity.matching.MatchDecision;
import org.kmcr.identity.matching.MatchOutcome;
import org.kmcr.identity.matching.MatchSubject;
import org.kmcr.identity.matching.NameFrequencies;
import org.kmcr.identity.matching.Nicknames;
import org.kmcr.identity.matching.PersonCheck;
import org.kmcr.identity.model.Candidate;
import org.kmcr.identity.model.IdentityLink;
import org.kmcr.identity.model.Person;
import org.kmcr.identity.model.ReviewedIdentity;
import org.kmcr.identity.model.SourceIdentity;
import org.kmcr.identity.repository.PersonRepository;
import org.kmcr.identity.repository.SourceIdentityRepository;

/**
 * The MPI's matcher, in this order:
 * <ol>
 * <li>a valid NHS number that names a person: that person ({@code nhs-number}; {@link LinkKeeper} still holds the
 *     link back when the demographics contradict);
 * <li>a source identity already linked: it stays with its person (a later valid NHS number is recorded on a
 *     person who had none; one naming nobody yet, when the person has another, makes a new person);
 * <li>otherwise the probabilistic match: the candidates sharing a blocking key, each scored by
 *     {@link FellegiSunter}, the best person's decision ({@link MatchDecision}): link ({@code demographics}),
 *     review (the link waits), or a new person ({@code new-person}).
 * </ol>
 */
@ApplicationScoped
public class DemographicMatcher implements PersonMatcher {

    private static final FellegiSunter SCORER = FellegiSunter.shipped();
    /**
     * A candidate that may be linked before one held back for review, before one that is no match; then by weight
     * (not probability, which rounds to 1 for every strong candidate).
     */
    static final Comparator<Scored> BEST_FIRST = Comparator.comparing((Scored s) -> s.decision().outcome())
            .thenComparing(Comparator.comparingDouble((Scored s) -> s.decision().score().weight()).reversed());

    private final PersonRepository persons;
    private final SourceIdentityRepository sourceIdentities;
    private final NameFrequencyCache frequencies;
    private final MatchingConfig config;

    DemographicMatcher(PersonRepository persons, SourceIdentityRepository sourceIdentities,
            NameFrequencyCache frequencies, MatchingConfig config) {
        this.persons = persons;
        this.sourceIdentities = sourceIdentities;
        this.frequencies = frequencies;
        this.config = config;
    }

    @Override
    public Uni<Match> match(SourceIdentity source, IdentityLink current) {
        MatchSubject subject = MatchSubject.of(source.nhsNumber, source.demographics);
        Uni<Person> named = subject.nhsNumber() == null ? Uni.createFrom().nullItem()
                : persons.findByNhsNumber(subject.nhsNumber()).chain(persons::survivor);
        return named.chain(person -> person != null
                ? Uni.createFrom().item(new Match(person.id, person.nhsNumber, Match.NHS_NUMBER, BigDecimal.ONE,
                        Map.of("nhsNumber", "the NHS number is the same (valid check digit)")))
                : current != null ? stay(current, subject) : probabilistic(source, subject));
    }

    private Uni<Match> stay(IdentityLink current, MatchSubject subject) {
        return persons.findById(current.personId).chain(person -> {
            if (subject.nhsNumber() != null && person.nhsNumber != null) {
                return persons.findOrCreateByNhsNumber(subject.nhsNumber()).map(named -> new Match(named.id,
                        named.nhsNumber, Match.NHS_NUMBER, BigDecimal.ONE,
                        Map.of("nhsNumber", "a new valid NHS number, not known before")));
            }
            if (subject.nhsNumber() != null) {
                person.nhsNumber = subject.nhsNumber();
            }
            return Uni.createFrom().item(new Match(person.id, person.nhsNumber, current.method, current.score,
                    current.evidence));
        });
    }

    private Uni<Match> probabilistic(SourceIdentity source, MatchSubject subject) {
        List<String> keys = BlockingKeys.of(subject);
        NameFrequencies names = frequencies.current();
        // the blocks were locked when the source identity was stored (SourceIdentityService), before this read
        return sourceIdentities.candidates(keys, source.id, config.candidatesPerKey())
                .chain(candidates -> decide(subject, candidates, names));
    }

    private Uni<Match> decide(MatchSubject subject, List<Candidate> candidates, NameFrequencies names) {
        List<Scored> scored = candidates.stream().map(c -> {
            MatchSubject other = MatchSubject.of(c.nhsNumber(), c.demographics());
            return new Scored(c, MatchDecision.of(SCORER.score(subject, other, names), subject, other,
                    SCORER.weights()));
        }).sorted(BEST_FIRST).toList();
        Scored best = scored.isEmpty() ? null : checked(scored.get(0), scored);
        if (best == null || best.decision().outcome() == MatchOutcome.NO_MATCH) {
            double bestProbability = best == null ? 0 : best.decision().score().probability();
            String none = candidates.isEmpty() ? "no other record shares a blocking key"
                    : "no candidate reached the review threshold among " + candidates.size();
            if (subject.nhsNumber() != null) {
                return persons.findOrCreateByNhsNumber(subject.nhsNumber()).map(person -> new Match(person.id,
                        person.nhsNumber, Match.NHS_NUMBER, BigDecimal.ONE, Map.of("nhsNumber",
                                "a valid NHS number not known before", "candidates", none)));
            }
            return persons.create().map(person -> new Match(person.id, null, Match.NEW_PERSON,
                    score(1 - bestProbability), Map.of("candidates", none)));
        }
        UUID personId = best.candidate().personId();
        Map<String, String> evidence = new LinkedHashMap<>(best.decision().score().evidence());
        if (!best.decision().reasons().isEmpty()) {
            evidence.put("heldBack", String.join("; ", best.decision().reasons()));
        }
        evidence.put("candidate", "best of " + candidates.size() + " candidate records, compared with "
                + best.candidate().sourceOrg() + " " + best.candidate().localId());
        BigDecimal score = score(best.decision().score().probability());
        if (best.decision().outcome() == MatchOutcome.REVIEW) {
            List<ReviewedIdentity> sides = scored.stream().filter(s -> s.candidate().personId().equals(personId))
                    .map(s -> side(s)).toList();
            return Uni.createFrom().item(new Match(personId, null, Match.DEMOGRAPHICS, score, evidence, sides));
        }
        return persons.findById(personId).map(person -> {
            if (person.nhsNumber == null && subject.nhsNumber() != null) {
                person.nhsNumber = subject.nhsNumber();
            }
            return new Match(person.id, person.nhsNumber, Match.DEMOGRAPHICS, score, evidence);
        });
    }

    /**
     * The best candidate's decision, checked against the person's other candidate records and against the best
     * candidate of any other person ({@link PersonCheck}).
     */
    private static Scored checked(Scored best, List<Scored> scored) {
        List<PersonCheck.Member> samePerson = scored.stream()
                .filter(s -> s.candidate().personId().equals(best.candidate().personId()))
                .map(DemographicMatcher::member).toList();
        PersonCheck.Member rival = scored.stream()
                .filter(s -> !s.candidate().personId().equals(best.candidate().personId())).findFirst()
                .map(DemographicMatcher::member).orElse(null);
        MatchDecision decided = PersonCheck.of(member(best), samePerson, Nicknames.shipped());
        return new Scored(best.candidate(), PersonCheck.against(new PersonCheck.Member(member(best).subject(),
                decided), rival, SCORER));
    }

    private static PersonCheck.Member member(Scored s) {
        return new PersonCheck.Member(MatchSubject.of(s.candidate().nhsNumber(), s.candidate().demographics()),
                s.decision());
    }

    private static ReviewedIdentity side(Scored s) {
        Candidate c = s.candidate();
        return new ReviewedIdentity(c.sourceIdentityId(), c.sourceOrg(), c.sourceSystem(), c.localId(),
                c.nhsNumber(), c.demographics(), s.decision().score().evidence());
    }

    static BigDecimal score(double probability) {
        return BigDecimal.valueOf(Math.min(1, Math.max(0, probability))).setScale(4, RoundingMode.DOWN);
    }

    private record Scored(Candidate candidate, MatchDecision decision) {
        Scored {
            Objects.requireNonNull(decision);
        }
    }
}
