package org.kmcr.identity.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kmcr.identity.model.Demographics;

/** The thresholds and the safety rules, on pairs a registration clerk would recognise. */
class MatchDecisionTest {

    static final FellegiSunter SCORER = FellegiSunter.shipped();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        // case                                     | nhs A      | given A | family A | born A     | sex A  | postcode A | nhs B      | given B  | family B | born B     | sex B  | postcode B | outcome
        "the same person, no NHS number             | null       | Mary    | Jones    | 1970-03-04 | female | KM1 1AA    | null       | Mary     | Jones    | 1970-03-04 | female | KM1 1AA    | LINK",
        "a nickname and a move in the same district | null       | Robert  | Smith    | 1956-11-02 | male   | KM1 1AA    | null       | Bob      | Smith    | 1956-11-02 | male   | KM1 7XY    | LINK",
        "day and month swapped, a typo in surname   | null       | Mary    | Jones    | 1970-03-04 | female | KM1 1AA    | null       | Mary     | Jomes    | 1970-04-03 | female | KM1 1AA    | LINK",
        "married: new surname, same birth and home  | null       | Mary    | Jones    | 1970-03-04 | female | KM1 1AA    | null       | Mary     | Okafor   | 1970-03-04 | female | KM1 1AA    | LINK",
        "twins: another first name                  | null       | Mary    | Jones    | 2001-06-09 | female | KM1 1AA    | null       | Anne     | Jones    | 2001-06-09 | female | KM1 1AA    | REVIEW",
        "parent and child of one name               | null       | John    | Smith    | 1950-02-01 | male   | KM1 1AA    | null       | John     | Smith    | 1982-07-15 | male   | KM1 1AA    | REVIEW",
        "parent and child, a nickname, born 33 years apart on one day | null | Jennifer | Marks | 1936-09-30 | female | SH4 5YB | null | Jenny | Marks | 1969-09-30 | female | SH4 5YB | REVIEW",
        "a title where the first name should be     | null       | Sir     | Murray   | 1851-01-01 | male   | SN6 7DQ    | null       | John     | Murray   | 1851-01-01 | male   | SN6 7DQ    | LINK",
        "twins, one married                         | null       | Kittie  | Williamson | 2006-12-19 | female | H8 6GE  | null       | Valarie  | Upton    | 2006-12-19 | female | H8 6GE     | REVIEW",
        "two different valid NHS numbers            | 9990000018 | Mary    | Jones    | 1970-03-04 | female | KM1 1AA    | 9990000026 | Mary     | Jones    | 1970-03-04 | female | KM1 1AA    | NO_MATCH",
        "an invalid NHS number is no evidence       | 9990000017 | Mary    | Jones    | 1970-03-04 | female | KM1 1AA    | 9990000018 | Mary     | Jones    | 1970-03-04 | female | KM1 1AA    | LINK",
        "another family name, same street, no birth | null       | Mary    | Jones    | null       | female | KM1 1AA    | null       | Mary     | Okafor   | null       | female | KM1 1AA    | REVIEW",
        "same name only, nothing else               | null       | Mary    | Jones    | null       | null   | null       | null       | Mary     | Jones    | null       | null   | null       | REVIEW",
        "a rare name and sex, nothing else          | null       | Ozymand | Quaxley  | null       | male   | null       | null       | Ozymand  | Quaxley  | null       | male   | null       | REVIEW",
        "strangers who share a birthday             | null       | Mary    | Jones    | 1970-03-04 | female | KM1 1AA    | null       | Chidi    | Okafor   | 1970-03-04 | male   | LS2 9JT    | NO_MATCH",
        "same name, another birth date and place    | null       | Mary    | Jones    | 1970-03-04 | female | KM1 1AA    | null       | Mary     | Jones    | 1988-10-21 | female | LS2 9JT    | NO_MATCH"})
    void decides(String name, String nhsA, String givenA, String familyA, String bornA, String sexA, String postA,
            String nhsB, String givenB, String familyB, String bornB, String sexB, String postB, String outcome) {
        MatchSubject a = MatchSubject.of(nhsA, Demographics.basic(familyA, List.of(givenA), bornA, sexA, postA));
        MatchSubject b = MatchSubject.of(nhsB, Demographics.basic(familyB, List.of(givenB), bornB, sexB, postB));
        MatchDecision decision = MatchDecision.of(SCORER.score(a, b, NameFrequencies.NONE), a, b, SCORER.weights());
        assertEquals(MatchOutcome.valueOf(outcome), decision.outcome(), name + ": " + decision);
    }

    @Test
    void anInvalidNhsNumberIsNeverAKey() {
        MatchSubject invalid = MatchSubject.of("9990000017", Demographics.NONE);
        assertEquals(null, invalid.nhsNumber());
        assertTrue(BlockingKeys.of(invalid).stream().noneMatch(key -> key.startsWith("n:")));
        assertEquals(List.of("n:9990000018"), BlockingKeys.of(MatchSubject.of("9990000018", Demographics.NONE)));
    }

    @Test
    void aCommonNameCountsLessThanARareOne() {
        MatchSubject a = MatchSubject.of(null, Demographics.basic("Smith", List.of("John"), null, null, null));
        NameFrequencies index = new NameFrequencies(Map.of("john", 0.03), Map.of("smith", 0.012), Map.of(), Map.of(), 0.00001);
        double common = SCORER.score(a, a, index).weight();
        MatchSubject rare = MatchSubject.of(null, Demographics.basic("Okonkwo", List.of("John"), null, null, null));
        double uncommon = SCORER.score(rare, rare, index).weight();
        assertTrue(uncommon > common + 5, uncommon + " vs " + common);
    }

    @Test
    void aCommonBirthDateCountsLessThanARareOne() {
        NameFrequencies index = new NameFrequencies(Map.of(), Map.of(), Map.of(), Map.of("18620101", 0.012),
                0.00001);
        double common = birthDateWeight(SCORER.score(bornOn("1862-01-01"), bornOn("1862-01-01"), index));
        double rare = birthDateWeight(SCORER.score(bornOn("1862-05-17"), bornOn("1862-05-17"), index));
        assertTrue(rare > common + 2, rare + " vs " + common);
        // a date no more common than average weighs what the shipped u says, never more
        assertEquals(SCORER.weights().weight(MatchField.BIRTH_DATE, Agreement.EXACT), rare, 1e-9);
    }

    private static double birthDateWeight(PairScore score) {
        return score.fields().stream().filter(f -> f.field() == MatchField.BIRTH_DATE).findFirst().orElseThrow()
                .weight();
    }

    private static MatchSubject bornOn(String birthDate) {
        return MatchSubject.of(null, Demographics.basic("Jones", List.of("Mary"), birthDate, null, null));
    }

    @Test
    void aCommonTownCountsLessThanARareOne() {
        NameFrequencies index = new NameFrequencies(Map.of(), Map.of(), Map.of("london", 0.15), Map.of(), 0.00001);
        double common = SCORER.score(inTown("London"), inTown("London"), index).weight();
        double rare = SCORER.score(inTown("Mevagissey"), inTown("Mevagissey"), index).weight();
        assertTrue(rare > common + 8, rare + " vs " + common);
        assertEquals(SCORER.weights().weight(MatchField.TOWN, Agreement.EXACT),
                SCORER.score(inTown("London"), inTown("London"), NameFrequencies.NONE).weight()
                        - SCORER.score(inTown(null), inTown(null), NameFrequencies.NONE).weight(), 1e-9);
    }

    private static MatchSubject inTown(String town) {
        return MatchSubject.of(null, new Demographics("Jones", List.of("Mary"), null, null, null, town, null, null,
                null, null, null));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        // case                                    | given A | family A | born A     | given B | family B | born B
        "first and family name the wrong way round | Caleb   | Rowe     | 1992-12-20 | Rowe    | Caleb    | 1992-11-20",
        "a typo in the day of birth, no surname    | Freddie | null     | 1992-10-01 | Freddie | Holmes   | 1992-10-02",
        "a typo in the surname and the day         | Erin    | Roers    | 2010-03-03 | Erin    | Rogers   | 2010-01-02",
        "no first name, a day and month apart      | null    | Thomas   | 1977-10-17 | Gabriel | Thomas   | 1977-09-13"})
    void errorsInTwoFieldsStillShareABlock(String name, String givenA, String familyA, String bornA, String givenB,
            String familyB, String bornB) {
        MatchSubject a = MatchSubject.of(null, Demographics.basic(familyA, givenA == null ? null : List.of(givenA),
                bornA, null, null));
        MatchSubject b = MatchSubject.of(null, Demographics.basic(familyB, List.of(givenB), bornB, null, null));
        assertTrue(BlockingKeys.of(a).stream().anyMatch(BlockingKeys.of(b)::contains),
                name + ": " + BlockingKeys.of(a) + " vs " + BlockingKeys.of(b));
    }

    @Test
    void swappedDayAndMonthStillShareABlock() {
        MatchSubject a = MatchSubject.of(null, Demographics.basic("Jones", List.of("Mary"), "1970-03-04", null, null));
        MatchSubject b = MatchSubject.of(null, Demographics.basic("Jones", List.of("Mary"), "1970-04-03", null, null));
        assertTrue(BlockingKeys.of(a).stream().anyMatch(BlockingKeys.of(b)::contains));
    }

    @Test
    void theExplanationSaysWhatEachFieldContributed() {
        MatchSubject a = MatchSubject.of(null, Demographics.basic("Jones", List.of("Robert"), "1970-03-04", "male", null));
        MatchSubject b = MatchSubject.of(null, Demographics.basic("Jones", List.of("Bob"), "1970-04-03", "female", null));
        Map<String, String> evidence = SCORER.score(a, b, NameFrequencies.NONE).evidence();
        assertTrue(evidence.get("given").startsWith("the first name is a nickname of the other"), evidence.toString());
        assertTrue(evidence.get("birthDate").contains("day and month swapped"), evidence.toString());
        assertTrue(evidence.get("gender").contains("speaks against the same person"), evidence.toString());
    }
}
