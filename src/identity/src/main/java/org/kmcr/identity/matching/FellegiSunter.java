package org.kmcr.identity.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Scores a pair of records: the agreement level of each field ({@link FieldComparisons}), its weight log2(m/u)
 * ({@link Weights}), with exact agreement on a first or family name weighed by how common the name is in the
 * index: log2(m / max(share, minimum u)) instead of log2(m / u).
 */
public final class FellegiSunter {

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
        if (level == Agreement.EXACT && (field == MatchField.GIVEN || field == MatchField.FAMILY)) {
            OptionalDouble share = frequencies.share(field, field == MatchField.GIVEN ? a.given() : a.family());
            if (share.isPresent()) {
                double u = Math.max(share.getAsDouble(), weights.minimumU());
                return new FieldEvidence(field, level, Weights.log2(weights.m(field, level) / u), true);
            }
        }
        return new FieldEvidence(field, level, weights.weight(field, level), false);
    }
}
