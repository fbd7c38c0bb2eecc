package org.kmcr.identity.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.codec.language.DoubleMetaphone;
import org.apache.commons.codec.language.Soundex;

/**
 * The blocking keys of a record: only records sharing at least one key are ever scored against each other, so
 * resolving stays one indexed look-up however large the index grows. Each rule survives a different kind of
 * error in the others:
 * <ul>
 * <li>{@code n:} the valid NHS number;
 * <li>{@code d:} date of birth alone, day and month in either order (about 30 people a date in a million):
 *     survives names swapped, misspelt beyond sound, or missing;
 * <li>{@code ds:} date of birth (day and month in either order) and the Soundex of the family name: survives
 *     first-name changes, nicknames and swapped day/month;
 * <li>{@code dg:} date of birth (either order) and the metaphone of the first name: survives a new family name;
 * <li>{@code pg:} postcode and first initial: survives a wrong date of birth;
 * <li>{@code pf:} postcode and the Soundex of the family name: survives a wrong date of birth and first name;
 * <li>{@code yn:} year of birth and the metaphones of first and family name: survives a wrong day or month and a move;
 * <li>{@code nm:} the metaphones of first and family name, in alphabetical order: finds records whose date of
 *     birth or postcode is missing on one side, and names given the wrong way round (a common name's block is
 *     large; the per-key limit of the candidate query keeps it bounded);
 * <li>{@code e:} the e-mail address's local part (before the @): survives every change of name, date of birth and
 *     address, and a typo in the domain;
 * <li>{@code gy:} the metaphone of the first name and the year of birth, {@code fy:} the family name's and the
 *     year: survive a typo in the day or month together with a missing or misspelt other name;
 * <li>{@code p:} the postcode alone: survives a first name and a family name both changed or misspelt.
 * </ul>
 * (Family name + town and first name + town keys were tried and dropped: on historical_50k they found far more
 * namesakes than people, even with the town weighed by how common it is.)
 */
public final class BlockingKeys {

    /** The fields each rule's key is made of: pairs found by a rule agree on them by construction. */
    public static final Map<String, Set<MatchField>> RULE_FIELDS = Map.ofEntries(
            Map.entry("n:", Set.of(MatchField.NHS_NUMBER)),
            Map.entry("d:", Set.of(MatchField.BIRTH_DATE)),
            Map.entry("ds:", Set.of(MatchField.BIRTH_DATE, MatchField.FAMILY)),
            Map.entry("dg:", Set.of(MatchField.BIRTH_DATE, MatchField.GIVEN)),
            Map.entry("pg:", Set.of(MatchField.POSTCODE, MatchField.GIVEN)),
            Map.entry("pf:", Set.of(MatchField.POSTCODE, MatchField.FAMILY)),
            Map.entry("yn:", Set.of(MatchField.BIRTH_DATE, MatchField.GIVEN, MatchField.FAMILY)),
            Map.entry("nm:", Set.of(MatchField.GIVEN, MatchField.FAMILY)),
            Map.entry("e:", Set.of(MatchField.EMAIL)),
            Map.entry("gy:", Set.of(MatchField.GIVEN)),
            Map.entry("fy:", Set.of(MatchField.FAMILY)),
            Map.entry("p:", Set.of(MatchField.POSTCODE)));

    private static final DoubleMetaphone METAPHONE = new DoubleMetaphone();
    private static final Soundex SOUNDEX = Soundex.US_ENGLISH;

    private BlockingKeys() {
    }

    /** The rule a key was made by: its prefix, e.g. {@code ds:}. */
    public static String rule(String key) {
        return key.substring(0, key.indexOf(':') + 1);
    }

    public static List<String> of(MatchSubject s) {
        List<String> keys = new ArrayList<>();
        String date = unorderedDate(s);
        String family = s.family() == null ? null : SOUNDEX.encode(s.family());
        String given = s.given() == null ? null : METAPHONE.doubleMetaphone(s.given());
        String familySound = s.family() == null ? null : METAPHONE.doubleMetaphone(s.family());
        String year = s.birthYear() == null ? null : s.birthYear().toString();
        add(keys, "n:", s.nhsNumber());
        add(keys, "d:", date);
        add(keys, "ds:", date, family);
        add(keys, "dg:", date, given);
        add(keys, "pg:", s.postcode(), s.given() == null ? null : s.given().substring(0, 1));
        add(keys, "pf:", s.postcode(), family);
        add(keys, "yn:", s.birthYear() == null ? null : s.birthYear().toString(), given, familySound);
        add(keys, "nm:", sorted(given, familySound));
        add(keys, "gy:", given, year);
        add(keys, "fy:", familySound, year);
        add(keys, "p:", s.postcode());
        add(keys, "e:", s.email() == null ? null : s.email().substring(0, s.email().indexOf('@')));
        return List.copyOf(keys);
    }

    /** Both parts in alphabetical order, so that a first and family name given the wrong way round agree. */
    private static String sorted(String a, String b) {
        if (a == null || b == null) {
            return null;
        }
        return a.compareTo(b) <= 0 ? a + "|" + b : b + "|" + a;
    }

    private static String unorderedDate(MatchSubject s) {
        if (s.birthDay() == null) {
            return null;
        }
        int low = Math.min(s.birthDay(), s.birthMonth());
        int high = Math.max(s.birthDay(), s.birthMonth());
        return String.format(Locale.ROOT, "%04d%02d%02d", s.birthYear(), low, high);
    }

    private static void add(List<String> keys, String rule, String... parts) {
        for (String part : parts) {
            if (part == null) {
                return;
            }
        }
        keys.add(rule + String.join("|", parts));
    }
}
