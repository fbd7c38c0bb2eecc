package org.kmcr.identity.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kmcr.identity.model.Demographics;

/** The rule that stops a valid NHS number alone from attaching a stranger's record to a person. */
class DemographicsComparisonTest {

    static final Demographics MARY = demographics("Jones", "Mary", "1970-03-04", "female");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        // case                                        | family   | given    | birthDate  | gender  | disagree          | contradicts
        "the same person                               | Jones    | Mary     | 1970-03-04 | female  | ''                | false",
        "another name and another date of birth        | Smith    | Mary     | 1985-07-02 | female  | family,birthDate  | true",
        "another first name and another sex            | Jones    | John     | 1970-03-04 | male    | given,gender      | true",
        "a stranger: nothing but the NHS number agrees | Okafor   | Chidi    | 1991-11-30 | male    | family,given,birthDate,gender | true",
        "a surname change only                         | Smith    | Mary     | 1970-03-04 | female  | family            | false",
        "a typo in the first name only                 | Jones    | Marry    | 1970-03-04 | female  | given             | false",
        "day and month swapped only                    | Jones    | Mary     | 1970-04-03 | female  | ''                | false",
        "day and month swapped and a new surname       | Smith    | Mary     | 1970-04-03 | female  | family            | false",
        "another day of birth and a new surname        | Smith    | Mary     | 1970-03-05 | female  | family,birthDate  | true",
        "swapped day and month in another year         | Jones    | Mary     | 1971-04-03 | male    | birthDate,gender  | true",
        "case, accents and spaces do not count         | '  JÓNES '| 'mary ' | 1970-03-04 | female  | ''                | false",
        "only a year of birth, the same one            | Smith    | Mary     | 1970       | female  | family            | false",
        "only a year of birth, another one             | Smith    | Mary     | 1971       | female  | family,birthDate  | true",
        "a year and month of birth, another month      | Smith    | Mary     | 1970-04    | female  | family,birthDate  | true",
        "missing name and sex never disagree           | null     | null     | 1985-07-02 | null    | birthDate         | false",
        "blank names are missing                       | ' '      | ''       | 1985-07-02 | female  | birthDate         | false",
        "gender unknown says nothing                   | Smith    | Mary     | 1970-03-04 | unknown | family            | false",
        "nothing at all                                | null     | null     | null       | null    | ''                | false"})
    void comparesWithAPersonsLinkedSourceIdentity(String name, String family, String given, String birthDate,
            String gender, String disagree, boolean contradicts) {
        DemographicsComparison comparison = DemographicsComparison.of(
                demographics(family, given, birthDate, gender), MARY);

        assertEquals(fields(disagree), comparison.disagreements(), name);
        assertEquals(contradicts, comparison.contradicts(), name);
    }

    @Test
    void aMissingFieldOnTheKnownSideIsNotComparedEither() {
        DemographicsComparison comparison = DemographicsComparison.of(MARY,
                demographics(null, "Ann", null, "male"));

        assertEquals(Map.of("family", "not-compared", "given", "disagrees", "birthDate", "not-compared",
                "gender", "disagrees"), comparison.evidence());
        assertTrue(comparison.contradicts());
        assertFalse(DemographicsComparison.of(MARY, null).contradicts());
        assertFalse(DemographicsComparison.of(null, MARY).contradicts());
    }

    @Test
    void onlyTheFirstGivenNameCounts() {
        Demographics maryAnn = Demographics.basic("Jones", List.of("Mary", "Ann"), null, null, null);
        Demographics annMary = Demographics.basic("Jones", List.of(" ", "Ann", "Mary"), null, null, null);

        assertEquals(FieldOutcome.AGREES, DemographicsComparison.of(maryAnn, MARY).fields().get(DemographicField.GIVEN));
        assertEquals(FieldOutcome.DISAGREES,
                DemographicsComparison.of(annMary, MARY).fields().get(DemographicField.GIVEN));
    }

    @Test
    void theEvidenceNamesEveryFieldInOrder() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("family", "disagrees");
        expected.put("given", "agrees");
        expected.put("birthDate", "disagrees");
        expected.put("gender", "not-compared");

        Map<String, String> evidence = DemographicsComparison.of(
                demographics("Smith", "MARY", "1985-07-02", null), MARY).evidence();
        assertEquals(List.copyOf(expected.entrySet()), List.copyOf(evidence.entrySet()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no linked source identity to compare with       | ''                    | false",
        "one linked source identity tells the same story | contradicts,agrees    | false",
        "every linked source identity tells another      | contradicts,contradicts | true",
        "the only linked source identity tells another   | contradicts           | true"})
    void contradictsOnlyWhenNoLinkedSourceIdentityAgrees(String name, String comparisons, boolean expected) {
        DemographicsComparison contradicting = DemographicsComparison.of(
                demographics("Smith", "John", "1985-07-02", "male"), MARY);
        DemographicsComparison agreeing = DemographicsComparison.of(MARY, MARY);
        List<DemographicsComparison> list = comparisons.isEmpty() ? List.of()
                : Arrays.stream(comparisons.split(",")).map(c -> c.equals("agrees") ? agreeing : contradicting)
                        .toList();

        assertEquals(expected, DemographicsComparison.contradictsEvery(list), name);
    }

    private static Demographics demographics(String family, String given, String birthDate, String gender) {
        return Demographics.basic(family, given == null ? null : Arrays.asList(given), birthDate, gender, null);
    }

    private static List<DemographicField> fields(String keys) {
        if (keys == null || keys.isBlank()) {
            return List.of();
        }
        return Arrays.stream(keys.split(",")).map(key -> Arrays.stream(DemographicField.values())
                .filter(field -> field.key().equals(key)).findFirst().orElseThrow()).toList();
    }
}
