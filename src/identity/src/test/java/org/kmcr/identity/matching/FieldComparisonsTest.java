package org.kmcr.identity.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kmcr.identity.model.Demographics;

/** Every agreement level each field can reach, as a table. */
class FieldComparisonsTest {

    @ParameterizedTest(name = "{0}: {1} vs {2} is {3}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        // field      | left          | right          | level
        "given        | Mary          | mary           | EXACT",
        "given        | Robert        | Bob            | NICKNAME",
        "given        | Bob           | Rob            | NICKNAME",
        "given        | Elizabeth     | Lizzie         | NICKNAME",
        "given        | Christopher   | Christpher     | CLOSE",
        "given        | Rhomas        | Thomas         | CLOSE",
        "given        | Pauk          | Paul           | CLOSE",
        "given        | Jnoes         | Jones          | CLOSE",
        "given        | Al            | Ed             | DISAGREE",
        "given        | Oievr         | Oliver         | SAME_LETTERS",
        "given        | nleaEor       | Elanor         | SAME_LETTERS",
        "given        | Stephen       | Steven         | PHONETIC",
        "given        | Catherine     | Kathryn        | PHONETIC",
        "given        | Mary          | Ann            | DISAGREE",
        "given        | Mary          | null           | MISSING",
        "given        | Sir           | John           | MISSING",
        "given        | Sir John      | John           | EXACT",
        "family       | O'Brien       | OBRIEN         | EXACT",
        "family       | Jóhnson       | Johnson        | EXACT",
        "family       | Thompson      | Thomson        | CLOSE",
        "family       | Philips       | Fillips        | PHONETIC",
        "family       | Jones         | Okafor         | DISAGREE",
        "family       | Baronet       | Loder          | MISSING",
        "birthDate    | 1970-03-04    | 1970-03-04     | EXACT",
        "birthDate    | 1970-03-04    | 1970-04-03     | DAY_MONTH_SWAPPED",
        "birthDate    | 1970-03-04    | 1970-03-14     | ONE_EDIT",
        "birthDate    | 1970-03-04    | 1970-04-05     | TWO_EDITS",
        "birthDate    | 1970-03-04    | 1971-09-20     | NEAR_YEAR",
        "birthDate    | 1970-03-04    | 1998-03-04     | DISAGREE",
        "birthDate    | 1970          | 1970-03-04     | NEAR_YEAR",
        "birthDate    | 1970-05       | 1970-03-04     | DISAGREE",
        "birthDate    | null          | 1970-03-04     | MISSING",
        "gender       | female        | female         | EXACT",
        "gender       | female        | male           | DISAGREE",
        "gender       | unknown       | male           | MISSING",
        "postcode     | KM1 1AA       | km11aa         | EXACT",
        "postcode     | KM1 1AA       | KM1 1BD        | SECTOR",
        "postcode     | KM1 1AA       | KM1 2AA        | ONE_EDIT",
        "postcode     | KM1 1AA       | KM1 7XY        | DISTRICT",
        "postcode     | KM1 1AA       | LS2 9JT        | DISAGREE",
        "address      | 12 High St    | 12 high st.    | EXACT",
        "address      | 12 High Street| 12 High Stret  | CLOSE",
        "address      | 12 High St    | 3 Mill Lane    | DISAGREE",
        "town         | Maidstone     | Maidston       | CLOSE",
        "town         | City of Edinburgh | Edinburgh  | CLOSE",
        "town         | Edinburgh     | Glasgow        | DISAGREE",
        "town         | Birgmhniam    | Birmingham     | CLOSE",
        "town         | Lvpreool      | Liverpool      | CLOSE",
        "address      | Flat 3, 12 High St | 12 High St | CLOSE",
        "telephone    | 01622 123456  | +44 1622 123456| EXACT",
        "telephone    | 01622 123456  | 01622 123457   | ONE_EDIT",
        "telephone    | 07700 900123  | 07700900123    | EXACT",
        "telephone    | 07700 900123  | 07700 955555   | DISAGREE",
        "email        | Ann@Example.org | ann@example.org | EXACT",
        "email        | robert255@smith.net | roberta25@smith.net | CLOSE",
        "email        | ann@example.org | ann@example.com | CLOSE",
        "email        | e.rogers3@honkips.org | e.rogers3@hopkins.org | CLOSE",
        "email        | ann@example.org | bob@example.com | DISAGREE",
        "email        | ann@example.org | jo.bloggs@example.org | DISAGREE",
        "email        | not-an-address | ann@example.org | MISSING",
        "nhsNumber    | 9990000018    | 9990000018     | EXACT",
        "nhsNumber    | 9990000018    | 9990000026     | DISAGREE",
        "nhsNumber    | 9990000017    | 9990000017     | MISSING"})
    void comparesEachFieldAtItsLevels(String field, String left, String right, String level) {
        MatchField matchField = MatchField.ofKey(field);
        assertEquals(Agreement.valueOf(level), FieldComparisons.compare(subject(matchField, left),
                subject(matchField, right), Nicknames.shipped()).get(matchField));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "names the wrong way round | Mary | Jones | Jones | Mary | CLOSE | CLOSE",
        "names the wrong way round with a typo | Osacar | Moore | Moore | Oscar | CLOSE | CLOSE",
        "names the right way round | Mary | Jones | Mary  | Jones| EXACT | EXACT",
        "family name given as the first name, no family name | Jones | null | Mary | Jones | CLOSE | MISSING"})
    void firstAndFamilyNamesSwappedAreClose(String name, String given1, String family1, String given2,
            String family2, String givenLevel, String familyLevel) {
        var levels = FieldComparisons.compare(MatchSubject.of(null, person(given1, family1)),
                MatchSubject.of(null, person(given2, family2)), Nicknames.shipped());
        assertEquals(Agreement.valueOf(givenLevel), levels.get(MatchField.GIVEN), name);
        assertEquals(Agreement.valueOf(familyLevel), levels.get(MatchField.FAMILY), name);
    }

    static Demographics person(String given, String family) {
        return Demographics.basic(family, List.of(given), null, null, null);
    }

    static MatchSubject subject(MatchField field, String value) {
        Demographics d = switch (field) {
            case GIVEN -> new Demographics(null, value == null ? null : List.of(value), null, null, null, null, null,
                    null, null, null);
            case FAMILY -> Demographics.basic(value, null, null, null, null);
            case BIRTH_DATE -> Demographics.basic(null, null, value, null, null);
            case GENDER -> Demographics.basic(null, null, null, value, null);
            case POSTCODE -> Demographics.basic(null, null, null, null, value);
            case ADDRESS -> new Demographics(null, null, null, null, List.of(value), null, null, null, null, null);
            case TOWN -> new Demographics(null, null, null, null, null, value, null, null, null, null);
            case TELEPHONE -> new Demographics(null, null, null, null, null, null, null, value, null, null);
            case EMAIL -> new Demographics(null, null, null, null, null, null, null, null, null, null, value);
            case NHS_NUMBER -> Demographics.NONE;
        };
        return MatchSubject.of(field == MatchField.NHS_NUMBER ? value : null, d);
    }
}
