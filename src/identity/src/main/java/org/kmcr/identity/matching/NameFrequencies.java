package org.kmcr.identity.matching;

import java.util.Map;
import java.util.OptionalDouble;

/**
 * How common each first name, family name, town and date of birth is in the index, for the term-frequency
 * adjustment: agreeing on "smith" says less than agreeing on "okonkwo", on 1 January 1950 less than on 17 May 1950.
 *
 * @param given  normalised first names seen more than once, with their share of all source identities
 * @param family normalised family names seen more than once, with their share of all source identities
 * @param town   normalised towns seen more than once, with their share of all source identities ("london" says
 *               little, "mevagissey" much)
 * @param birthDate full dates of birth (yyyymmdd) seen more than once, with their share of all source identities
 * @param rare   the share of a name not among them (seen at most once); 0 when no frequencies are known
 */
public record NameFrequencies(Map<String, Double> given, Map<String, Double> family, Map<String, Double> town,
        Map<String, Double> birthDate, double rare) {

    /** No frequencies: every name is weighed by the shipped u. */
    public static final NameFrequencies NONE = new NameFrequencies(Map.of(), Map.of(), Map.of(), Map.of(), 0);

    /** The share of source identities with this value in the field; empty when no frequencies are known. */
    public OptionalDouble share(MatchField field, String value) {
        Map<String, Double> shares = switch (field) {
            case GIVEN -> given;
            case FAMILY -> family;
            case TOWN -> town;
            case BIRTH_DATE -> birthDate;
            default -> null;
        };
        if (shares == null || value == null || rare == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(shares.getOrDefault(value, rare));
    }
}
