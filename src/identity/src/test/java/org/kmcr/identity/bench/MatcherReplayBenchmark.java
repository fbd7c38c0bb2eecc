package org.kmcr.identity.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kmcr.identity.matching.BlockingKeys;
import org.kmcr.identity.matching.FellegiSunter;
import org.kmcr.identity.matching.MatchDecision;
import org.kmcr.identity.matching.MatchOutcome;
import org.kmcr.identity.matching.MatchSubject;
import org.kmcr.identity.matching.NameFrequencies;
import org.kmcr.identity.matching.Nicknames;
import org.kmcr.identity.matching.PersonCheck;

/**
 * The pure matcher replayed in memory on a labelled set, in arrival order, as the service resolves (blocking,
 * scoring, the best person's decision), without HTTP or PostgreSQL: for tuning, in seconds, before the real
 * benchmark. Prints the pairwise figures and a sample of the true pairs it did not link. Run with
 * {@code ./mvnw -o -B -pl src/identity -am test -Dtest=MatcherReplayBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dmpi.sets=fake_1000}.
 */
class MatcherReplayBenchmark {

    /** The shipped weights, or with {@code -Dmpi.train=true} those EM estimates from each set's own records. */
    private FellegiSunter scorer = FellegiSunter.shipped();

    @Test
    void replay() throws Exception {
        for (String set : System.getProperty("mpi.sets", "fake_1000").split(",")) {
            List<LabelledRecord> records = switch (set) {
                case "fake_1000" -> LabelledSets.fake1000(MpiAccuracyBenchmark.DATA.resolve("splink-datasets/fake_1000.csv"));
                case "historical_50k" -> MpiAccuracyBenchmark.firstClusters(LabelledSets.historical(
                        MpiAccuracyBenchmark.DATA.resolve("splink-datasets/historical_figures_with_errors_50k.csv")),
                        Integer.getInteger("mpi.historical.clusters", Integer.MAX_VALUE));
                case "febrl4" -> LabelledSets.febrl(MpiAccuracyBenchmark.DATA.resolve("febrl/febrl_dataset4a.csv"),
                        MpiAccuracyBenchmark.DATA.resolve("febrl/febrl_dataset4b.csv"));
                case "febrl1", "febrl2", "febrl3" -> LabelledSets.febrl(MpiAccuracyBenchmark.DATA.resolve(
                        "febrl/febrl_dataset" + set.charAt(5) + ".csv"));
                case "uk_generated" -> new UkPeople(2026).generate(1500);
                default -> throw new IllegalArgumentException(set);
            };
            scorer = Boolean.getBoolean("mpi.train")
                    ? new FellegiSunter(WeightEstimationBenchmark.estimate(records.stream()
                            .map(r -> MatchSubject.of(r.nhsNumber(), r.demographics())).toList()), Nicknames.shipped())
                    : FellegiSunter.shipped();
            replay(set + (Boolean.getBoolean("mpi.train") ? " (weights trained on the set)" : ""), records);
        }
    }

    private void replay(String set, List<LabelledRecord> records) {
        Map<String, List<Integer>> blocks = new HashMap<>();
        List<MatchSubject> subjects = new ArrayList<>();
        List<Integer> personOf = new ArrayList<>();
        Map<String, String> clusterOf = new HashMap<>();
        Map<String, String> linked = new HashMap<>();
        int reviews = 0;
        List<String> misses = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            LabelledRecord r = records.get(i);
            MatchSubject s = MatchSubject.of(r.nhsNumber(), r.demographics());
            subjects.add(s);
            clusterOf.put(r.localId(), r.cluster());
            Set<Integer> candidates = new LinkedHashSet<>();
            List<String> keys = BlockingKeys.of(s);
            for (String key : keys) {
                List<Integer> block = blocks.getOrDefault(key, List.of());
                for (int k = 0; k < block.size() && k < 40; k++) {
                    if (personOf.get(block.get(k)) >= 0) {
                        candidates.add(block.get(k));
                    }
                }
            }
            MatchDecision best = null;
            int bestAt = -1;
            Map<Integer, MatchDecision> decisions = new HashMap<>();
            for (int c : candidates) {
                MatchDecision d = MatchDecision.of(scorer.score(s, subjects.get(c), NameFrequencies.NONE), s,
                        subjects.get(c), scorer.weights());
                decisions.put(c, d);
                if (best == null || d.outcome().compareTo(best.outcome()) < 0
                        || d.outcome() == best.outcome() && d.score().weight() > best.score().weight()) {
                    best = d;
                    bestAt = c;
                }
            }
            if (best != null) {
                int bestPerson = personOf.get(bestAt);
                best = PersonCheck.of(new PersonCheck.Member(subjects.get(bestAt), best), decisions.entrySet()
                        .stream().filter(e -> personOf.get(e.getKey()) == bestPerson)
                        .map(e -> new PersonCheck.Member(subjects.get(e.getKey()), e.getValue())).toList(),
                        Nicknames.shipped());
            }
            int person = i;
            if (best != null && best.outcome() == MatchOutcome.LINK) {
                person = personOf.get(bestAt);
                if (!clusterOf.get(records.get(bestAt).localId()).equals(r.cluster()) && misses.size() < 40) {
                    misses.add("FALSE LINK " + r.cluster() + " " + r.demographics() + "\n    vs "
                            + records.get(bestAt).cluster() + " " + records.get(bestAt).demographics() + "\n    "
                            + best.score().evidence().values() + " w=" + best.score().weight());
                }
            } else if (best != null && best.outcome() == MatchOutcome.REVIEW) {
                reviews++;
                person = -1;
                if (clusterOf.get(records.get(bestAt).localId()).equals(r.cluster()) && misses.size() < 25) {
                    misses.add("REVIEW " + r.demographics() + "\n    vs " + records.get(bestAt).demographics()
                            + "\n    " + best.score().evidence().values() + " w=" + best.score().weight() + " "
                            + best.reasons());
                }
            } else if (misses.size() < 25) {
                for (int c = 0; c < i; c++) {
                    if (clusterOf.get(records.get(c).localId()).equals(r.cluster()) && personOf.get(c) >= 0) {
                        MatchDecision d = MatchDecision.of(scorer.score(s, subjects.get(c), NameFrequencies.NONE), s,
                                subjects.get(c), scorer.weights());
                        misses.add("NEW " + (candidates.contains(c) ? "(was a candidate) " : "(not blocked) ")
                                + r.demographics() + "\n    vs " + records.get(c).demographics() + "\n    "
                                + d.score().evidence().values() + " w=" + d.score().weight());
                        break;
                    }
                }
            }
            personOf.add(person);
            if (person >= 0) {
                linked.put(r.localId(), String.valueOf(person));
            }
            if (person >= 0) {
                for (String key : keys) {
                    blocks.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
                }
            }
        }
        System.out.println("MPI-REPLAY " + set + ": " + PairwiseAccuracy.of(clusterOf, linked).line() + "; reviews "
                + reviews);
        misses.forEach(m -> System.out.println("  " + m));
    }
}
