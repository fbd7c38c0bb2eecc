package org.kmcr.identity.matching;

import java.util.Map;
import java.util.OptionalDouble;

/**
 * How common each first and family name is in the index, for the term-frequency adjustment: agreeing on
 * "smith" says less than agreeing on "okonkwo".
 *
 * @param given  normalised first names with their share of all source identities
 * @param family normalised family names with their share of all source identities
 */
public record NameFrequencies(Map<String, Double> given, Map<String, Double> family) {

    public static final NameFrequencies NONE = new NameFrequencies(Map.of(), Map.of());

    /** The share of source identities with this value in the field; empty when the index does not know it. */
    public OptionalDouble share(MatchField field, String value) {
        Map<String, Double> shares = switch (field) {
            case GIVEN -> given;
            case FAMILY -> family;
            default -> Map.of();
        };
        Double share = value == null ? null : shares.get(value);
        return share == null ? OptionalDouble.empty() : OptionalDouble.of(share);
    }
}
