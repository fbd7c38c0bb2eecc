package org.kmcr.identity.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Scores a pair of records: the agreement level of each field ({@link FieldComparisons}), its weight log2(m/u)
 * ({@link Weights}), with exact agreement on a first name, family name or town weighed by how common it is in the
 * index: log2(m / max(share, minimum u)) instead of log2(m / u).
 */
public final class FellegiSunter {

    /** The fields whose exact agreement is weighed by how common the value is. */
    static final java.util.Set<MatchField> TERM_FREQUENCY = java.util.EnumSet.of(MatchField.GIVEN, MatchField.FAMILY,
            MatchField.TOWN);

    private final Weights weights;
    private final Nicknames nicknames;

    public FellegiSunter(Weights weights, Nicknames nicknames) {
        this.weights = weights;
        this.nicknames = nicknames;
    }

    private static final FellegiSunter SHIPPED = new FellegiSunter(Weights.shipped(), Nicknames.shipped());

    /** The matcher with the shipped weights and nickname table. */
    public static FellegiSunter shipped() {
        return SHIPPED;
    }

    public Weights weights() {
        return weights;
    }

    public PairScore score(MatchSubject a, MatchSubject b, NameFrequencies frequencies) {
        Map<MatchField, Agreement> levels = FieldComparisons.compare(a, b, nicknames);
        List<FieldEvidence> fields = new ArrayList<>();
        double total = 0;
        for (Map.Entry<MatchField, Agreement> entry : levels.entrySet()) {
            FieldEvidence evidence = evidence(entry.getKey(), entry.getValue(), a, frequencies);
            fields.add(evidence);
            total += evidence.weight();
        }
        return new PairScore(List.copyOf(fields), total, weights.probability(total));
    }

    /** The agreement levels alone, for estimating the weights. */
    public Map<MatchField, Agreement> levels(MatchSubject a, MatchSubject b) {
        return FieldComparisons.compare(a, b, nicknames);
    }

    private FieldEvidence evidence(MatchField field, Agreement level, MatchSubject a, NameFrequencies frequencies) {
        if (level == Agreement.EXACT && TERM_FREQUENCY.contains(field)) {
            String value = switch (field) {
                case GIVEN -> a.given();
                case FAMILY -> a.family();
                default -> a.town();
            };
            OptionalDouble share = frequencies.share(field, value);
            if (share.isPresent()) {
                double u = Math.max(share.getAsDouble(), weights.minimumU());
                return new FieldEvidence(field, level, Weights.log2(weights.m(field, level) / u), true);
            }
        }
        return new FieldEvidence(field, level, weights.weight(field, level), false);
    }
}
