package org.kmcr.identity.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The decision on one candidate pair: the outcome the thresholds give, held back from an automatic link by the
 * safety rules, each of which is named in {@code reasons}:
 * <ul>
 * <li>two different valid NHS numbers are two people as far as a machine can tell: never linked automatically,
 *     and not put to review either (most such pairs are namesakes; a privacy officer can still merge them);
 * <li>twins: the same date of birth but a first name that is not the same, a nickname, close, alike in sound or
 *     made of the same letters (whatever the family name: one of them may have married; twins whose names are
 *     anagrams, as Mary and Myra, are the known gap);
 * <li>a parent and child of one first name (or its nickname or near spelling), born twelve or more years apart
 *     (whatever the family name);
 * <li>another family name, no date of birth to confirm: the family names differ (not close, alike in sound or
 *     jumbled) and the dates of birth are not the same, swapped or one digit apart; a married name is confirmed by
 *     the date of birth, a namesake in the same street is not;
 * <li>names alone: nothing but names (and sex) agrees; no date of birth (not even within a year), postcode,
 *     address, town, telephone, e-mail address or NHS number confirms them;
 * <li>another first name, no date of birth to confirm: the first names differ (not a nickname, typo, sound or
 *     jumble of each other) and the dates of birth are not the same, swapped or one digit apart; a family name
 *     and a town are not enough to say that "Harold Morse" and "Sydney Morse" are one man.
 * </ul>
 * Otherwise a held-back pair goes to review when its score reaches the review threshold, else it is no match.
 */
public record MatchDecision(MatchOutcome outcome, PairScore score, List<String> reasons) {

    static final int GENERATION_YEARS = 12;
    static final String TWINS = "possible twins";
    static final String GENERATIONS = "possibly a parent and child";
    static final String OTHER_NAME = "another first name";
    static final String OTHER_FAMILY = "another family name";
    private static final Set<Agreement> CLOSE_BIRTH = Set.of(Agreement.EXACT, Agreement.DAY_MONTH_SWAPPED,
            Agreement.ONE_EDIT);
    private static final Set<Agreement> SAME_NAME = Set.of(Agreement.EXACT, Agreement.NICKNAME, Agreement.CLOSE,
            Agreement.PHONETIC, Agreement.SAME_LETTERS);

    public static MatchDecision of(PairScore score, MatchSubject a, MatchSubject b, Weights weights) {
        if (score.level(MatchField.NHS_NUMBER) == Agreement.DISAGREE) {
            return new MatchDecision(MatchOutcome.NO_MATCH, score,
                    List.of("the two records have different valid NHS numbers"));
        }
        List<String> holds = new ArrayList<>();
        if (sameBirthDate(score) && score.level(MatchField.GIVEN) == Agreement.DISAGREE) {
            holds.add(TWINS + ": the same date of birth, a different first name");
        }
        if (SAME_NAME.contains(score.level(MatchField.GIVEN)) && a.birthYear() != null && b.birthYear() != null
                && Math.abs(a.birthYear() - b.birthYear()) >= GENERATION_YEARS) {
            holds.add(GENERATIONS + " of the same name: born a generation apart");
        }
        if (score.level(MatchField.GIVEN) == Agreement.DISAGREE && !CLOSE_BIRTH.contains(
                score.level(MatchField.BIRTH_DATE)) && score.level(MatchField.NHS_NUMBER) != Agreement.EXACT) {
            holds.add(OTHER_NAME + ": the first names differ and no date of birth confirms the rest");
        }
        if (score.level(MatchField.FAMILY) == Agreement.DISAGREE && !CLOSE_BIRTH.contains(
                score.level(MatchField.BIRTH_DATE)) && score.level(MatchField.NHS_NUMBER) != Agreement.EXACT) {
            holds.add(OTHER_FAMILY + ": the family names differ and no date of birth confirms the rest");
        }
        if (!corroborated(score)) {
            holds.add("only the names agree: no date of birth, postcode, address, town, telephone or NHS number"
                    + " confirms them");
        }
        MatchOutcome outcome;
        if (score.probability() >= weights.link() && holds.isEmpty()) {
            outcome = MatchOutcome.LINK;
        } else if (score.probability() >= weights.review()) {
            outcome = MatchOutcome.REVIEW;
        } else {
            outcome = MatchOutcome.NO_MATCH;
        }
        return new MatchDecision(outcome, score, List.copyOf(holds));
    }

    /** Levels of the date of birth, postcode, address, town or telephone that confirm agreeing names. */
    private static final Set<Agreement> CONFIRMS = Set.of(Agreement.EXACT, Agreement.DAY_MONTH_SWAPPED,
            Agreement.ONE_EDIT, Agreement.TWO_EDITS, Agreement.NEAR_YEAR, Agreement.SECTOR, Agreement.CLOSE);

    private static boolean corroborated(PairScore score) {
        return score.level(MatchField.NHS_NUMBER) == Agreement.EXACT
                || java.util.stream.Stream.of(MatchField.BIRTH_DATE, MatchField.POSTCODE, MatchField.ADDRESS,
                        MatchField.TOWN, MatchField.TELEPHONE, MatchField.EMAIL).anyMatch(f -> CONFIRMS.contains(score.level(f)));
    }

    private static boolean sameBirthDate(PairScore score) {
        Agreement level = score.level(MatchField.BIRTH_DATE);
        return level == Agreement.EXACT || level == Agreement.DAY_MONTH_SWAPPED;
    }
}
