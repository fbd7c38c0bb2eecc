package org.kmcr.identity.matching;

import java.util.ArrayList;
import java.util.List;

/**
 * Auto-linking to a person is a decision about every record the person is made of, not only the best one: a new
 * record that links to one of a person's records but is a possible twin, a parent or child of the same name, or
 * carries a different valid NHS number than another of that person's records, would chain two people through a
 * third. Such a link is held back for review, and the reason named.
 */
public final class PersonCheck {

    private PersonCheck() {
    }

    /**
     * The decision on linking to the person of {@code best}, given the decisions on the person's other records.
     */
    public static MatchDecision of(MatchDecision best, List<MatchDecision> samePerson) {
        if (best.outcome() != MatchOutcome.LINK) {
            return best;
        }
        List<String> reasons = new ArrayList<>();
        for (MatchDecision other : samePerson) {
            if (other == best) {
                continue;
            }
            if (other.score().level(MatchField.NHS_NUMBER) == Agreement.DISAGREE) {
                reasons.add("another record of this person has a different valid NHS number");
            } else if (other.reasons().stream().anyMatch(PersonCheck::namesake)) {
                reasons.add("another record of this person: " + other.reasons().stream()
                        .filter(PersonCheck::namesake).findFirst().orElseThrow());
            }
        }
        if (reasons.isEmpty()) {
            return best;
        }
        return new MatchDecision(MatchOutcome.REVIEW, best.score(), List.copyOf(reasons.stream().distinct()
                .toList()));
    }

    private static boolean namesake(String reason) {
        return reason.startsWith(MatchDecision.TWINS) || reason.startsWith(MatchDecision.GENERATIONS);
    }
}
