package org.kmcr.identity.matching;

import java.util.Locale;

/**
 * How one field of a pair compared and what that contributed to the match weight.
 *
 * @param weight log2(m/u), after the term-frequency adjustment for a common or rare name
 */
public record FieldEvidence(MatchField field, Agreement level, double weight, boolean frequencyAdjusted) {

    /** The contribution in words a registration clerk understands, e.g. "family name is the same: +9.1". */
    public String words() {
        if (level == Agreement.MISSING) {
            return "the " + field.words() + " is not on both records, so it counts neither way";
        }
        String effect = weight >= 0 ? "speaks for the same person" : "speaks against the same person";
        String common = frequencyAdjusted ? " (weighed by how common it is)" : "";
        return String.format(Locale.ROOT, "the %s is %s: %s%s (%+.1f)", field.words(), level.words(), effect, common,
                weight);
    }
}
