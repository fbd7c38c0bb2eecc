package org.kmcr.identity.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.kmcr.common.nhs.NhsNumber;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.identity.repository.PersonRepository;

/**
 * Deterministic matching: one person per valid NHS number. Whether the link is made at once, or waits for a review
 * because the demographics contradict the person's, is {@link LinkKeeper}'s to decide.
 */
@ApplicationScoped
public class NhsNumberMatcher implements PersonMatcher {

    public static final String METHOD = "nhs-number";
    static final Map<String, String> EVIDENCE = Map.of("nhsNumber", "exact match");
    static final String NO_OTHER_MATCHING =
            "Matching without a valid NHS number is not available yet, so this patient cannot be linked to a person.";

    private final PersonRepository persons;

    NhsNumberMatcher(PersonRepository persons) {
        this.persons = persons;
    }

    @Override
    public Uni<Match> match(ResolveCommand patient) {
        Optional<String> problem = NhsNumber.problemWith(patient.nhsNumber());
        if (problem.isPresent()) {
            return Uni.createFrom().failure(ProblemException.unprocessable(problem.get() + ". " + NO_OTHER_MATCHING));
        }
        return persons.findOrCreateByNhsNumber(patient.nhsNumber())
                .map(person -> new Match(person.id, person.nhsNumber, METHOD, BigDecimal.ONE, EVIDENCE));
    }
}
