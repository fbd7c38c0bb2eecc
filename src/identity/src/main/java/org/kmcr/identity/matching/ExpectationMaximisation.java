package org.kmcr.identity.matching;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Estimates m (and the prior) from unlabelled candidate pairs by expectation maximisation, as Splink does: u is
 * taken as given (estimated beforehand from random pairs, which are nearly all non-matches), then repeatedly
 * (E) each pair's match probability is computed from the current m, u and prior, and (M) m of each level
 * becomes the probability-weighted share of pairs at that level, the prior the mean probability. A field
 * missing on a pair says nothing about it and is left out of both steps.
 * <p>
 * Pairs found by a blocking rule agree on the rule's fields by construction, which would drive EM to call every
 * pair a match; so, as Splink does, EM runs once per rule with the rule's own fields left out, and each field's
 * m is the mean of its estimates from the rules that do not contain it ({@link #estimateByRule}).
 */
public final class ExpectationMaximisation {

    private ExpectationMaximisation() {
    }

    /**
     * u of each level: its share among the given (random, so nearly all non-matching) pairs; a field never
     * compared in them keeps the u of {@code start}.
     */
    public static Map<MatchField, Map<Agreement, Double>> shares(List<Map<MatchField, Agreement>> pairs,
            Weights start) {
        Map<MatchField, Map<Agreement, Double>> shares = new EnumMap<>(MatchField.class);
        for (MatchField field : MatchField.values()) {
            Map<Agreement, Double> levels = new EnumMap<>(Agreement.class);
            long compared = pairs.stream().filter(p -> p.get(field) != Agreement.MISSING).count();
            for (Agreement level : field.levels()) {
                long at = pairs.stream().filter(p -> p.get(field) == level).count();
                levels.put(level, compared == 0 ? start.u(field, level) : bounded((double) at / compared));
            }
            shares.put(field, levels);
        }
        return shares;
    }

    /** Estimates m and the prior from the candidate pairs, starting from the given weights, with u fixed. */
    public static Weights estimate(List<Map<MatchField, Agreement>> pairs, Weights start,
            Map<MatchField, Map<Agreement, Double>> u, int iterations) {
        Weights current = start.with(start.m(), u, start.prior());
        for (int i = 0; i < iterations; i++) {
            current = step(pairs, current);
        }
        return current;
    }

    /**
     * EM per blocking rule (pairs keyed by rule, the rule's fields left out), m of each field averaged over the
     * rules that leave it free, the prior the mean of the rules' priors; u as given; the thresholds of
     * {@code start} are kept.
     */
    public static Weights estimateByRule(Map<String, List<Map<MatchField, Agreement>>> pairsByRule,
            Map<String, Set<MatchField>> ruleFields, Weights start, Map<MatchField, Map<Agreement, Double>> u,
            int iterations) {
        Map<MatchField, Map<Agreement, Double>> sums = new EnumMap<>(MatchField.class);
        Map<MatchField, Integer> estimates = new EnumMap<>(MatchField.class);
        double[] priors = {0};
        pairsByRule.forEach((rule, pairs) -> {
            Set<MatchField> blocked = ruleFields.get(rule);
            List<Map<MatchField, Agreement>> free = pairs.stream().map(pair -> {
                Map<MatchField, Agreement> copy = new EnumMap<>(pair);
                blocked.forEach(field -> copy.put(field, Agreement.MISSING));
                return copy;
            }).toList();
            Weights estimated = estimate(free, start, u, iterations);
            priors[0] += estimated.prior();
            for (MatchField field : MatchField.values()) {
                if (!blocked.contains(field) && free.stream().anyMatch(p -> p.get(field) != Agreement.MISSING)) {
                    estimates.merge(field, 1, Integer::sum);
                    for (Agreement level : field.levels()) {
                        sums.computeIfAbsent(field, f -> new EnumMap<>(Agreement.class))
                                .merge(level, estimated.m(field, level), Double::sum);
                    }
                }
            }
        });
        Map<MatchField, Map<Agreement, Double>> m = new EnumMap<>(MatchField.class);
        for (MatchField field : MatchField.values()) {
            Map<Agreement, Double> levels = new EnumMap<>(Agreement.class);
            for (Agreement level : field.levels()) {
                levels.put(level, estimates.containsKey(field)
                        ? sums.get(field).get(level) / estimates.get(field) : start.m(field, level));
            }
            m.put(field, levels);
        }
        return start.with(m, u, pairsByRule.isEmpty() ? start.prior() : priors[0] / pairsByRule.size());
    }

    static Weights step(List<Map<MatchField, Agreement>> pairs, Weights w) {
        Map<MatchField, Map<Agreement, Double>> sums = new EnumMap<>(MatchField.class);
        Map<MatchField, Double> totals = new EnumMap<>(MatchField.class);
        for (MatchField field : MatchField.values()) {
            sums.put(field, new EnumMap<>(Agreement.class));
            totals.put(field, 0.0);
        }
        double probabilities = 0;
        for (Map<MatchField, Agreement> pair : pairs) {
            double weight = 0;
            for (MatchField field : MatchField.values()) {
                weight += w.weight(field, pair.get(field));
            }
            double p = w.probability(weight);
            probabilities += p;
            for (MatchField field : MatchField.values()) {
                Agreement level = pair.get(field);
                if (level != Agreement.MISSING) {
                    sums.get(field).merge(level, p, Double::sum);
                    totals.merge(field, p, Double::sum);
                }
            }
        }
        Map<MatchField, Map<Agreement, Double>> m = new EnumMap<>(MatchField.class);
        for (MatchField field : MatchField.values()) {
            Map<Agreement, Double> levels = new EnumMap<>(Agreement.class);
            double total = totals.get(field);
            for (Agreement level : field.levels()) {
                levels.put(level, total == 0 ? w.m(field, level)
                        : bounded(sums.get(field).getOrDefault(level, 0.0) / total));
            }
            m.put(field, levels);
        }
        return w.with(m, w.u(), bounded(probabilities / pairs.size()));
    }

    private static double bounded(double share) {
        return Math.min(1 - Weights.FLOOR, Math.max(Weights.FLOOR, share));
    }
}
