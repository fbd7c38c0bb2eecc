package org.kmcr.identity.matching;

import java.util.ArrayList;
import java.util.List;

/**
 * Auto-linking to a person is a decision about every record the person is made of, not only the best one: a new
 * record that links to one of a person's records but carries a different valid NHS number than another of them,
 * or is a possible twin or a parent or child of the same name of another of them, would chain two people through
 * a third. Such a link is held back for review, and the reason named. A namesake hold is not raised when the
 * person's own records already disagree on the first name in the same way (the best record's first name differs
 * from that record's too): then the difference is the person's, a typo the person already carries. And a link is
 * held back when another person would be linked as readily ({@link #against}).
 */
public final class PersonCheck {

    /** One of the person's records that shares a block with the new one, and the decision on the pair. */
    public record Member(MatchSubject subject, MatchDecision decision) {
    }

    private PersonCheck() {
    }

    /** The decision on linking to the person of {@code best}, given the person's other candidate records. */
    public static MatchDecision of(Member best, List<Member> samePerson, Nicknames nicknames) {
        if (best.decision().outcome() != MatchOutcome.LINK) {
            return best.decision();
        }
        List<String> reasons = new ArrayList<>();
        for (Member other : samePerson) {
            if (other.decision() == best.decision()) {
                continue;
            }
            if (other.decision().score().level(MatchField.NHS_NUMBER) == Agreement.DISAGREE) {
                reasons.add("another record of this person has a different valid NHS number");
                continue;
            }
            String namesake = other.decision().reasons().stream().filter(PersonCheck::namesake).findFirst()
                    .orElse(null);
            if (namesake != null && FieldComparisons.givenName(best.subject().given(), other.subject().given(),
                    nicknames) != Agreement.DISAGREE) {
                reasons.add("another record of this person: " + namesake);
            }
        }
        if (reasons.isEmpty()) {
            return best.decision();
        }
        return new MatchDecision(MatchOutcome.REVIEW, best.decision().score(), reasons.stream().distinct().toList());
    }

    /**
     * The decision on linking to the person of {@code best}, given the best candidate record of any other person
     * ({@code rival}, null when there is none): when the rival would be linked automatically too and the two
     * candidates are people the matcher tells apart (possible twins or a parent and child of one name, or two
     * valid NHS numbers), the record fits two different people equally well (twins and a record without a first
     * name, which no twin rule on the pair can catch) and a person decides. Two candidates that look like one
     * person (one person's records split in two) do not hold the link back.
     */
    public static MatchDecision against(Member best, Member rival, FellegiSunter scorer) {
        MatchDecision decided = best.decision();
        if (decided.outcome() != MatchOutcome.LINK || rival == null
                || rival.decision().outcome() != MatchOutcome.LINK) {
            return decided;
        }
        MatchDecision apart = MatchDecision.of(scorer.score(best.subject(), rival.subject(), NameFrequencies.NONE),
                best.subject(), rival.subject(), scorer.weights());
        boolean twoPeople = apart.score().level(MatchField.NHS_NUMBER) == Agreement.DISAGREE
                || apart.reasons().stream().anyMatch(PersonCheck::namesake);
        if (!twoPeople) {
            return decided;
        }
        List<String> reasons = new ArrayList<>(decided.reasons());
        reasons.add(RIVAL);
        return new MatchDecision(MatchOutcome.REVIEW, decided.score(), List.copyOf(reasons));
    }

    static final String RIVAL = "another person fits as well, one the matcher tells apart from this one (a possible"
            + " twin, parent or child, or another NHS number): the record would link to either";

    private static boolean namesake(String reason) {
        return reason.startsWith(MatchDecision.TWINS) || reason.startsWith(MatchDecision.GENERATIONS);
    }
}
