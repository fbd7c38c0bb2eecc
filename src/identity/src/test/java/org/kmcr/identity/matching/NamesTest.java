package org.kmcr.identity.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kmcr.identity.model.Demographics;

/** Names as the matcher compares them: folded, and without the titles that name no one. */
class NamesTest {

    @ParameterizedTest(name = "{0} ({1}): {2}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        // name as sent            | first name? | compared as
        "Sir John                  | true        | john",
        "Sir                       | true        | null",
        "Rt. Hon. Lady Jane        | true        | jane",
        "Maj. General              | true        | null",
        "Earl                      | true        | earl",
        "Bart                      | true        | bart",
        "Bart.                     | false       | null",
        "1st                       | true        | null",
        "Major                     | true        | null",
        "Mary-Ann                  | true        | maryann",
        "Baronet                   | false       | null",
        "Bt.                       | false       | null",
        "Smith, 2nd Baronet        | false       | smith",
        "Major                     | false       | major",
        "Lord                      | false       | lord",
        "O'Brien                   | false       | obrien"})
    void dropsTitlesBeforeComparing(String sent, boolean givenName, String compared) {
        assertEquals(compared, Names.personalName(sent, givenName));
    }

    @Test
    void theFirstGivenNameThatIsANameIsCompared() {
        MatchSubject s = MatchSubject.of(null, Demographics.basic("Murray", List.of("Sir", "John"), null, null, null));
        assertEquals("john", s.given());
    }

    @Test
    void titlesAloneAreTooLittleToMatchOn() {
        MatchSubject titled = MatchSubject.of(null, Demographics.basic("Baronet", List.of("Sir"), "1849-08-07", null,
                "BN14 7BG"));
        assertEquals(null, titled.given());
        assertEquals(null, titled.family());
        assertFalse(titled.matchable());
    }
}
