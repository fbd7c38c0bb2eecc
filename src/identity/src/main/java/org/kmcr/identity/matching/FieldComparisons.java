package org.kmcr.identity.matching;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.codec.language.DoubleMetaphone;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The agreement level of every field of two records: exact, nickname, close spelling (Jaro-Winkler), same sound
 * (Double Metaphone), day and month swapped, one or two digits apart (Levenshtein), postcode sector and district. A
 * field missing on either side is {@link Agreement#MISSING}. First and family names given the wrong way round
 * count as close.
 */
public final class FieldComparisons {

    static final double CLOSE_NAME = 0.92;
    static final double CLOSE_TEXT = 0.90;
    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
    private static final LevenshteinDistance ONE_EDIT = new LevenshteinDistance(1);
    private static final LevenshteinDistance TWO_EDITS = new LevenshteinDistance(2);
    private static final DoubleMetaphone METAPHONE = new DoubleMetaphone();

    private FieldComparisons() {
    }

    public static Map<MatchField, Agreement> compare(MatchSubject a, MatchSubject b, Nicknames nicknames) {
        Map<MatchField, Agreement> levels = new EnumMap<>(MatchField.class);
        levels.put(MatchField.NHS_NUMBER, exactOnly(a.nhsNumber(), b.nhsNumber()));
        if (swappedNames(a, b)) {
            levels.put(MatchField.GIVEN, Agreement.CLOSE);
            levels.put(MatchField.FAMILY, Agreement.CLOSE);
        } else {
            levels.put(MatchField.GIVEN, givenName(a.given(), b.given(), nicknames));
            levels.put(MatchField.FAMILY, name(a.family(), b.family()));
        }
        levels.put(MatchField.BIRTH_DATE, birthDate(a, b));
        levels.put(MatchField.GENDER, exactOnly(a.gender(), b.gender()));
        levels.put(MatchField.POSTCODE, postcode(a, b));
        levels.put(MatchField.ADDRESS, text(a.address(), b.address()));
        levels.put(MatchField.TOWN, text(a.town(), b.town()));
        levels.put(MatchField.TELEPHONE, digits(a.telephone(), b.telephone()));
        return levels;
    }

    static Agreement givenName(String a, String b, Nicknames nicknames) {
        if (a == null || b == null) {
            return Agreement.MISSING;
        }
        if (a.equals(b)) {
            return Agreement.EXACT;
        }
        if (nicknames.related(a, b)) {
            return Agreement.NICKNAME;
        }
        return similarName(a, b);
    }

    static Agreement name(String a, String b) {
        if (a == null || b == null) {
            return Agreement.MISSING;
        }
        return a.equals(b) ? Agreement.EXACT : similarName(a, b);
    }

    private static Agreement similarName(String a, String b) {
        if (JARO_WINKLER.apply(a, b) >= CLOSE_NAME) {
            return Agreement.CLOSE;
        }
        return METAPHONE.isDoubleMetaphoneEqual(a, b) || METAPHONE.isDoubleMetaphoneEqual(a, b, true)
                ? Agreement.PHONETIC : Agreement.DISAGREE;
    }

    private static boolean swappedNames(MatchSubject a, MatchSubject b) {
        return a.given() != null && a.family() != null && !a.given().equals(a.family())
                && a.given().equals(b.family()) && a.family().equals(b.given());
    }

    static Agreement birthDate(MatchSubject a, MatchSubject b) {
        if (a.birthYear() == null || b.birthYear() == null) {
            return Agreement.MISSING;
        }
        String left = a.birthDigits();
        String right = b.birthDigits();
        if (left == null || right == null) {
            return partialBirthDate(a, b);
        }
        if (left.equals(right)) {
            return Agreement.EXACT;
        }
        if (a.birthYear().equals(b.birthYear()) && a.birthDay().equals(b.birthMonth())
                && a.birthMonth().equals(b.birthDay())) {
            return Agreement.DAY_MONTH_SWAPPED;
        }
        int edits = TWO_EDITS.apply(left, right);
        if (edits == 1) {
            return Agreement.ONE_EDIT;
        }
        if (edits == 2 && a.birthYear().equals(b.birthYear())) {
            return Agreement.TWO_EDITS;
        }
        return Math.abs(a.birthYear() - b.birthYear()) <= 1 ? Agreement.NEAR_YEAR : Agreement.DISAGREE;
    }

    /** Only a year (or year and month) on one side: agreeing at that precision is no more than near. */
    private static Agreement partialBirthDate(MatchSubject a, MatchSubject b) {
        if (!a.birthYear().equals(b.birthYear())) {
            return Math.abs(a.birthYear() - b.birthYear()) <= 1 ? Agreement.NEAR_YEAR : Agreement.DISAGREE;
        }
        boolean monthsDiffer = a.birthMonth() != null && b.birthMonth() != null
                && !a.birthMonth().equals(b.birthMonth());
        return monthsDiffer ? Agreement.DISAGREE : Agreement.NEAR_YEAR;
    }

    static Agreement postcode(MatchSubject a, MatchSubject b) {
        if (a.postcode() == null || b.postcode() == null) {
            return Agreement.MISSING;
        }
        if (a.postcode().equals(b.postcode())) {
            return Agreement.EXACT;
        }
        if (a.postcode().length() >= 5 && a.postcodeSector().equals(b.postcodeSector())) {
            return Agreement.SECTOR;
        }
        if (ONE_EDIT.apply(a.postcode(), b.postcode()) == 1) {
            return Agreement.ONE_EDIT;
        }
        return Objects.equals(a.postcodeDistrict(), b.postcodeDistrict()) && a.postcode().length() >= 5
                ? Agreement.DISTRICT : Agreement.DISAGREE;
    }

    static Agreement text(String a, String b) {
        if (a == null || b == null) {
            return Agreement.MISSING;
        }
        if (a.equals(b)) {
            return Agreement.EXACT;
        }
        return JARO_WINKLER.apply(a, b) >= CLOSE_TEXT ? Agreement.CLOSE : Agreement.DISAGREE;
    }

    private static Agreement digits(String a, String b) {
        if (a == null || b == null) {
            return Agreement.MISSING;
        }
        if (a.equals(b)) {
            return Agreement.EXACT;
        }
        return ONE_EDIT.apply(a, b) == 1 ? Agreement.ONE_EDIT : Agreement.DISAGREE;
    }

    private static Agreement exactOnly(String a, String b) {
        if (a == null || b == null) {
            return Agreement.MISSING;
        }
        return a.equals(b) ? Agreement.EXACT : Agreement.DISAGREE;
    }
}
