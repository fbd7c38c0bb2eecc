package org.kmcr.identity.matching;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.codec.language.DoubleMetaphone;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The agreement level of every field of two records: exact, nickname, close spelling (Jaro-Winkler), same sound
 * (Double Metaphone), day and month swapped, one or two digits apart (Levenshtein), postcode sector and district. A
 * field missing on either side is {@link Agreement#MISSING}. A name one edit away (an insertion, a deletion, a
 * substitution or two neighbouring letters swapped: Damerau's errors) is close however it starts, which
 * Jaro-Winkler alone misses ("rhomas", "thomas"). First and family names given the wrong way round count as close,
 * and so does a first name given as the other record's family name when that record's first name is the other's
 * family name or one side has no family name (the name put in the wrong box). An e-mail address is close when it
 * is at most two edits away or has the same local part at another domain. A town or address line is close when
 * it is spelt almost the same (Jaro-Winkler) or its words are all in the other's ("city of edinburgh"); a town also when its letters are jumbled.
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
        } else if (shiftedName(a, b) || shiftedName(b, a)) {
            levels.put(MatchField.GIVEN, Agreement.CLOSE);
            levels.put(MatchField.FAMILY, Agreement.MISSING);
        } else {
            levels.put(MatchField.GIVEN, givenName(a.given(), b.given(), nicknames));
            levels.put(MatchField.FAMILY, name(a.family(), b.family()));
        }
        levels.put(MatchField.BIRTH_DATE, birthDate(a, b));
        levels.put(MatchField.GENDER, exactOnly(a.gender(), b.gender()));
        levels.put(MatchField.POSTCODE, postcode(a, b));
        levels.put(MatchField.ADDRESS, text(a.address(), b.address()));
        levels.put(MatchField.TOWN, town(a.town(), b.town()));
        levels.put(MatchField.TELEPHONE, digits(a.telephone(), b.telephone()));
        levels.put(MatchField.EMAIL, email(a.email(), b.email()));
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
        if (JARO_WINKLER.apply(a, b) >= CLOSE_NAME || oneEditApart(a, b)) {
            return Agreement.CLOSE;
        }
        if (METAPHONE.isDoubleMetaphoneEqual(a, b) || METAPHONE.isDoubleMetaphoneEqual(a, b, true)) {
            return Agreement.PHONETIC;
        }
        return sameLetters(a, b) ? Agreement.SAME_LETTERS : Agreement.DISAGREE;
    }

    /**
     * The letters of the shorter name are all in the longer one, which has at most one more (a jumbled typo, as
     * "oievr" for "oliver" or "nleaeor" for "elanor"); names of four letters or more.
     */
    static boolean sameLetters(String a, String b) {
        String shorter = a.length() <= b.length() ? a : b;
        String longer = shorter == a ? b : a;
        if (shorter.length() < 4 || longer.length() - shorter.length() > 1) {
            return false;
        }
        int[] counts = new int[26];
        for (char c : longer.toCharArray()) {
            counts[c - 'a']++;
        }
        for (char c : shorter.toCharArray()) {
            if (--counts[c - 'a'] < 0) {
                return false;
            }
        }
        return true;
    }

    /** Damerau's single error, for names of three letters or more: one edit, or two neighbours swapped. */
    static boolean oneEditApart(String a, String b) {
        if (a.length() < 3 || b.length() < 3) {
            return false;
        }
        if (ONE_EDIT.apply(a, b) == 1) {
            return true;
        }
        if (a.length() != b.length()) {
            return false;
        }
        int first = -1;
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                if (first < 0) {
                    first = i;
                } else {
                    return i == first + 1 && a.charAt(first) == b.charAt(i) && a.charAt(i) == b.charAt(first)
                            && a.substring(i + 1).equals(b.substring(i + 1));
                }
            }
        }
        return false;
    }

    /** a's first name is b's family name, and b's first name is a's family name or one of them has none. */
    private static boolean shiftedName(MatchSubject a, MatchSubject b) {
        return a.given() != null && b.family() != null && a.given().equals(b.family())
                && (a.family() == null || b.given() == null);
    }

    static Agreement email(String a, String b) {
        if (a == null || b == null) {
            return Agreement.MISSING;
        }
        if (a.equals(b)) {
            return Agreement.EXACT;
        }
        int at = a.indexOf('@');
        int bt = b.indexOf('@');
        boolean sameLocalPart = a.substring(0, at).equals(b.substring(0, bt));
        return sameLocalPart || TWO_EDITS.apply(a, b) >= 0 ? Agreement.CLOSE : Agreement.DISAGREE;
    }

    private static boolean swappedNames(MatchSubject a, MatchSubject b) {
        return a.given() != null && a.family() != null && b.given() != null && b.family() != null
                && !a.given().equals(a.family()) && !a.given().equals(b.given())
                && sameOrOneEdit(a.given(), b.family()) && sameOrOneEdit(a.family(), b.given());
    }

    private static boolean sameOrOneEdit(String a, String b) {
        return a.equals(b) || oneEditApart(a, b);
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
        return JARO_WINKLER.apply(a, b) >= CLOSE_TEXT || wordsWithin(a, b) || wordsWithin(b, a) ? Agreement.CLOSE
                : Agreement.DISAGREE;
    }

    /** As {@link #text}, and a town whose letters are jumbled ("birgmhniam") is close too, as a name is. */
    static Agreement town(String a, String b) {
        Agreement level = text(a, b);
        if (level != Agreement.DISAGREE) {
            return level;
        }
        String left = Names.name(a);
        String right = Names.name(b);
        return left != null && right != null && sameLetters(left, right) ? Agreement.CLOSE : Agreement.DISAGREE;
    }

    /** Every word of a is a word of b, which has more: "edinburgh" in "city of edinburgh". */
    static boolean wordsWithin(String a, String b) {
        List<String> shorter = List.of(a.split(" "));
        List<String> longer = List.of(b.split(" "));
        return shorter.size() < longer.size() && longer.containsAll(shorter);
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
