package org.kmcr.identity.matching;

import java.text.Normalizer;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kmcr.identity.model.Demographics;

/**
 * How a source's demographics compare with those of a source identity already linked to the person: per field,
 * agrees, disagrees or not compared. A pure function of its two inputs.
 * <p>
 * Names are compared trimmed, case- and accent-insensitively (first given name only); a date of birth agrees
 * when equal at the precision both give, or when only day and month are swapped; gender {@code unknown} says
 * nothing. A field missing on either side is not compared, so it never disagrees. The demographics
 * <em>contradict</em> when at least two fields disagree: one disagreement alone (a new surname, a typo) does not.
 */
public record DemographicsComparison(Map<DemographicField, FieldOutcome> fields) {

    /** How many fields must disagree for the demographics to contradict. */
    public static final int CONTRADICTING_DISAGREEMENTS = 2;

    private static final Pattern DATE = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    public DemographicsComparison {
        fields = Collections.unmodifiableMap(new EnumMap<>(fields));
    }

    /** Compares the incoming demographics with known ones; either may be null (nothing to compare). */
    public static DemographicsComparison of(Demographics incoming, Demographics known) {
        Map<DemographicField, FieldOutcome> fields = new EnumMap<>(DemographicField.class);
        Demographics a = incoming == null ? Demographics.NONE : incoming;
        Demographics b = known == null ? Demographics.NONE : known;
        fields.put(DemographicField.FAMILY, sameText(a.family(), b.family()));
        fields.put(DemographicField.GIVEN, sameText(firstGiven(a), firstGiven(b)));
        fields.put(DemographicField.BIRTH_DATE, sameBirthDate(a.birthDate(), b.birthDate()));
        fields.put(DemographicField.GENDER, sameText(gender(a), gender(b)));
        return new DemographicsComparison(fields);
    }

    /**
     * True when the incoming demographics contradict every one of the person's linked source identities (and
     * there is at least one): no source that the person is already made of tells the same story.
     */
    public static boolean contradictsEvery(List<DemographicsComparison> comparisons) {
        return !comparisons.isEmpty() && comparisons.stream().allMatch(DemographicsComparison::contradicts);
    }

    public List<DemographicField> disagreements() {
        return fields.entrySet().stream().filter(field -> field.getValue() == FieldOutcome.DISAGREES)
                .map(Map.Entry::getKey).toList();
    }

    public boolean contradicts() {
        return disagreements().size() >= CONTRADICTING_DISAGREEMENTS;
    }

    /** The outcome per field as stored and shown: {"family": "agrees", "birthDate": "disagrees", ...}. */
    public Map<String, String> evidence() {
        Map<String, String> evidence = new LinkedHashMap<>();
        fields.forEach((field, outcome) -> evidence.put(field.key(), outcome.label()));
        return evidence;
    }

    private static FieldOutcome sameText(String a, String b) {
        String left = normalised(a);
        String right = normalised(b);
        if (left == null || right == null) {
            return FieldOutcome.NOT_COMPARED;
        }
        return left.equals(right) ? FieldOutcome.AGREES : FieldOutcome.DISAGREES;
    }

    static String normalised(String text) {
        if (text == null) {
            return null;
        }
        String plain = MARKS.matcher(Normalizer.normalize(text.strip(), Normalizer.Form.NFD)).replaceAll("");
        String folded = SPACES.matcher(plain).replaceAll(" ").toLowerCase(Locale.ROOT);
        return folded.isEmpty() ? null : folded;
    }

    private static String firstGiven(Demographics d) {
        return d.given() == null ? null : d.given().stream().filter(name -> normalised(name) != null)
                .findFirst().orElse(null);
    }

    private static String gender(Demographics d) {
        return "unknown".equalsIgnoreCase(d.gender() == null ? null : d.gender().strip()) ? null : d.gender();
    }

    private static FieldOutcome sameBirthDate(String a, String b) {
        Matcher left = a == null ? null : DATE.matcher(a.strip());
        Matcher right = b == null ? null : DATE.matcher(b.strip());
        if (left == null || right == null || !left.matches() || !right.matches()) {
            return FieldOutcome.NOT_COMPARED;
        }
        if (!left.group(1).equals(right.group(1))) {
            return FieldOutcome.DISAGREES;
        }
        String leftMonth = left.group(2);
        String rightMonth = right.group(2);
        if (leftMonth == null || rightMonth == null) {
            return FieldOutcome.AGREES;
        }
        String leftDay = left.group(3);
        String rightDay = right.group(3);
        if (leftDay == null || rightDay == null) {
            return leftMonth.equals(rightMonth) ? FieldOutcome.AGREES : FieldOutcome.DISAGREES;
        }
        boolean same = leftMonth.equals(rightMonth) && leftDay.equals(rightDay);
        boolean swapped = leftMonth.equals(rightDay) && leftDay.equals(rightMonth);
        return same || swapped ? FieldOutcome.AGREES : FieldOutcome.DISAGREES;
    }
}
