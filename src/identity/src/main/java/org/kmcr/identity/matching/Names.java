package org.kmcr.identity.matching;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** How names and other free text are brought to one form before they are compared. */
public final class Names {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_LETTERS = Pattern.compile("[^a-z]+");
    private static final Pattern NOT_WORDS = Pattern.compile("[^a-z0-9]+");

    private Names() {
    }

    /** Lower case letters only, without accents, spaces, hyphens or apostrophes; null when nothing is left. */
    public static String name(String text) {
        return fold(text, NOT_LETTERS, "");
    }

    /**
     * A first name (givenName true) or family name as the matcher compares it: its words without titles
     * ({@link Titles}: "Sir John" is John, "Baronet" is no family name), then as {@link #name}; null when nothing
     * is left.
     */
    public static String personalName(String text, boolean givenName) {
        String words = words(text);
        if (words == null) {
            return null;
        }
        StringBuilder kept = new StringBuilder();
        for (String word : words.split(" ")) {
            if (!Titles.isTitle(word, givenName)) {
                kept.append(word);
            }
        }
        return name(kept.toString());
    }

    /** Lower case letters and digits, words separated by one space; null when nothing is left. */
    public static String words(String text) {
        String folded = fold(text, NOT_WORDS, " ");
        return folded == null ? null : folded.strip();
    }

    private static String fold(String text, Pattern drop, String replacement) {
        if (text == null) {
            return null;
        }
        String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        String folded = drop.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(replacement);
        return folded.isBlank() ? null : folded;
    }
}
