package org.kmcr.identity.bench;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Pairwise precision, recall and F1 of the persons the MPI formed against the true clusters: a pair of records
 * is predicted when both are actively linked to one person, true when both belong to one cluster. A false merge
 * is a person whose records belong to more than one true person (the clinical-safety failure).
 */
record PairwiseAccuracy(long records, long truePairs, long predictedPairs, long correctPairs, long falseMergePersons,
        long falsePairs) {

    /** @param personOf each record's person, for records actively linked (others are absent) */
    static PairwiseAccuracy of(Map<String, String> clusterOf, Map<String, String> personOf) {
        Map<String, Long> clusters = new HashMap<>();
        clusterOf.values().forEach(c -> clusters.merge(c, 1L, Long::sum));
        Map<String, Long> persons = new HashMap<>();
        Map<String, Long> both = new HashMap<>();
        Map<String, Map<String, Long>> clustersOfPerson = new HashMap<>();
        personOf.forEach((record, person) -> {
            persons.merge(person, 1L, Long::sum);
            String cluster = clusterOf.get(record);
            both.merge(person + "\u0000" + cluster, 1L, Long::sum);
            clustersOfPerson.computeIfAbsent(person, p -> new HashMap<>()).merge(cluster, 1L, Long::sum);
        });
        long truePairs = clusters.values().stream().mapToLong(PairwiseAccuracy::pairs).sum();
        long predicted = persons.values().stream().mapToLong(PairwiseAccuracy::pairs).sum();
        long correct = both.values().stream().mapToLong(PairwiseAccuracy::pairs).sum();
        long falseMerges = clustersOfPerson.values().stream().filter(c -> c.size() > 1).count();
        return new PairwiseAccuracy(clusterOf.size(), truePairs, predicted, correct, falseMerges, predicted - correct);
    }

    double precision() {
        return predictedPairs == 0 ? 1 : (double) correctPairs / predictedPairs;
    }

    double recall() {
        return truePairs == 0 ? 1 : (double) correctPairs / truePairs;
    }

    double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    String line() {
        return String.format(Locale.ROOT, "precision %.4f, recall %.4f, F1 %.4f; true pairs %d, linked pairs %d,"
                + " correct %d, false pairs %d, persons with a false merge %d", precision(), recall(), f1(),
                truePairs, predictedPairs, correctPairs, falsePairs, falseMergePersons);
    }

    private static long pairs(long n) {
        return n * (n - 1) / 2;
    }
}
