package org.kmcr.identity.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Scores a pair of records: the agreement level of each field ({@link FieldComparisons}), its weight log2(m/u)
 * ({@link Weights}), with exact agreement on a first name, family name, town or date of birth weighed by how common it is in the
 * index: log2(m / max(share, minimum u)) instead of log2(m / u). So is an exact date of birth, but only ever
 * downwards, log2(m / max(share, u)): dates of birth are spread about evenly over the days, so the estimated u is
 * already what a date says, except for the dates shared far more often than that (1 January, the date a source
 * records when it knows only the year; 37% of the dated records of historical_50k).
 */
public final class FellegiSunter {

    /** The fields whose exact agreement is weighed by how common the value is. */
    static final java.util.Set<MatchField> TERM_FREQUENCY = java.util.EnumSet.of(MatchField.GIVEN, MatchField.FAMILY,
            MatchField.TOWN, MatchField.BIRTH_DATE);

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
                case BIRTH_DATE -> a.birthDigits();
                default -> a.town();
            };
            OptionalDouble share = frequencies.share(field, value);
            if (share.isPresent()) {
                double floor = field == MatchField.BIRTH_DATE ? weights.u(field, level) : weights.minimumU();
                double u = Math.max(share.getAsDouble(), floor);
                return new FieldEvidence(field, level, Weights.log2(weights.m(field, level) / u), true);
            }
        }
        return new FieldEvidence(field, level, weights.weight(field, level), false);
    }
}
