package org.kmcr.identity.matching;

import java.util.List;

/**
 * The fields the probabilistic matcher compares, each with the agreement levels it can reach, best first. The
 * last level of every field is {@link Agreement#DISAGREE}; {@link Agreement#MISSING} (one side does not say) is
 * implicit and weighs nothing.
 */
public enum MatchField {
    NHS_NUMBER("nhsNumber", "NHS number", List.of(Agreement.EXACT, Agreement.DISAGREE)),
    GIVEN("given", "first name", List.of(Agreement.EXACT, Agreement.NICKNAME, Agreement.CLOSE,
            Agreement.PHONETIC, Agreement.SAME_LETTERS, Agreement.DISAGREE)),
    FAMILY("family", "family name", List.of(Agreement.EXACT, Agreement.CLOSE, Agreement.PHONETIC,
            Agreement.SAME_LETTERS, Agreement.DISAGREE)),
    BIRTH_DATE("birthDate", "date of birth", List.of(Agreement.EXACT, Agreement.DAY_MONTH_SWAPPED,
            Agreement.ONE_EDIT, Agreement.TWO_EDITS, Agreement.NEAR_YEAR, Agreement.DISAGREE)),
    GENDER("gender", "sex", List.of(Agreement.EXACT, Agreement.DISAGREE)),
    POSTCODE("postcode", "postcode", List.of(Agreement.EXACT, Agreement.SECTOR, Agreement.ONE_EDIT,
            Agreement.DISTRICT, Agreement.DISAGREE)),
    ADDRESS("address", "first address line", List.of(Agreement.EXACT, Agreement.CLOSE, Agreement.DISAGREE)),
    TOWN("town", "town", List.of(Agreement.EXACT, Agreement.CLOSE, Agreement.DISAGREE)),
    TELEPHONE("telephone", "telephone number", List.of(Agreement.EXACT, Agreement.ONE_EDIT, Agreement.DISAGREE)),
    EMAIL("email", "e-mail address", List.of(Agreement.EXACT, Agreement.CLOSE, Agreement.DISAGREE));

    private final String key;
    private final String words;
    private final List<Agreement> levels;

    MatchField(String key, String words, List<Agreement> levels) {
        this.key = key;
        this.words = words;
        this.levels = levels;
    }

    /** The field's name in the API and in stored evidence. */
    public String key() {
        return key;
    }

    /** The field as a registration clerk calls it. */
    public String words() {
        return words;
    }

    public List<Agreement> levels() {
        return levels;
    }

    public static MatchField ofKey(String key) {
        for (MatchField field : values()) {
            if (field.key.equals(key)) {
                return field;
            }
        }
        throw new IllegalArgumentException("No match field " + key);
    }
}
