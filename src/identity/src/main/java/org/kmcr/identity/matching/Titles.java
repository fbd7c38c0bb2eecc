package org.kmcr.identity.matching;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Words that sources put in a name field but that name no one: honorifics, peerage and rank titles and ordinals
 * ("Sir", "Mrs", "Dr", "Rt Hon", "2nd Baronet", "Bt."). Left in, they agree between strangers ("Sir Baronet" is
 * hundreds of people) and disagree between one person's records ("Sir Murray" and "John Murray" would look like
 * twins), so the matcher drops them before comparing. A word that is also a surname (Major, Lord, Baron) is
 * dropped from the first name only, where it is a title; one that is also a first name (Bart) from the family name
 * only. Words that are as often names as titles (Earl, Duke, Col, Gen) stay everywhere.
 */
final class Titles {

    /** Never a name in either field. */
    private static final Set<String> HONORIFICS = Set.of("mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame",
            "rev", "revd", "reverend", "prof", "professor", "rt", "esq", "bt", "baronet", "baroness", "viscount",
            "viscountess", "countess", "marquess", "marchioness");
    /** A title in the first-name field, a surname in the family-name field (Lord, Major, Baron, Hon). */
    private static final Set<String> GIVEN_ONLY = Set.of("lady", "lord", "baron", "duchess", "hon", "capt",
            "captain", "maj", "major", "general", "colonel", "lt", "lieutenant", "admiral", "brig", "brigadier");
    /** A title in the family-name field ("Bart.", for baronet), a first name in the first-name field. */
    private static final Set<String> FAMILY_ONLY = Set.of("bart");
    private static final Pattern ORDINAL = Pattern.compile("\\d+(st|nd|rd|th)");

    private Titles() {
    }

    /** Whether the folded word (lower case letters and digits, as {@link Names#words} gives) is a title. */
    static boolean isTitle(String word, boolean givenName) {
        return HONORIFICS.contains(word) || (givenName ? GIVEN_ONLY : FAMILY_ONLY).contains(word)
                || ORDINAL.matcher(word).matches();
    }
}
