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
 * benchmark. Names are weighed by their frequency among the records replayed so far, as the service does
 * ({@code -Dmpi.tf=false}: not). Prints the pairwise figures (reviews count as not linked), the same if every review
 * were decided right, why each record with an earlier record of its person did not link (with the true pairs each
 * outcome costs or gains), and a sample of the
 * true pairs it did not link. Run with
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

    /** As the service's {@code NameFrequencyCache}: no frequencies below 10,000 records, then recounted now and then. */
    private static final int MINIMUM_INDEX = 10_000;
    private static final int REFRESH = 1_000;
    /** {@code -Dmpi.tf=false} replays without the term-frequency adjustment, as the replay did before. */
    private static final boolean TERM_FREQUENCY = !"false".equals(System.getProperty("mpi.tf"));
    /** {@code -Dmpi.rivals=false} replays without the hold for a record that two persons fit. */
    private static final boolean RIVALS = !"false".equals(System.getProperty("mpi.rivals"));

    /** As the service counts: names seen more than once, shares of all records stored so far. */
    private static Map<String, Double> shares(Map<String, Long> counts, long total) {
        Map<String, Double> shares = new HashMap<>();
        counts.forEach((value, n) -> {
            if (n > 1) {
                shares.put(value, (double) n / total);
            }
        });
        return shares;
    }

    private void replay(String set, List<LabelledRecord> records) {
        Map<String, List<Integer>> blocks = new HashMap<>();
        List<MatchSubject> subjects = new ArrayList<>();
        List<Integer> personOf = new ArrayList<>();
        Map<String, String> clusterOf = new HashMap<>();
        Map<String, String> linked = new HashMap<>();
        // as linked, plus each review decided as a reviewer who knows the truth would: linked or a new person
        Map<String, String> decided = new HashMap<>();
        int reviews = 0;
        int refused = 0;
        List<String> misses = new ArrayList<>();
        Map<String, Integer> why = new java.util.TreeMap<>();
        Map<String, Long> givenCounts = new HashMap<>();
        Map<String, Long> familyCounts = new HashMap<>();
        Map<String, Long> townCounts = new HashMap<>();
        Map<String, Long> birthDateCounts = new HashMap<>();
        NameFrequencies frequencies = NameFrequencies.NONE;
        Set<String> seenClusters = new java.util.HashSet<>();
        // per outcome, the true pairs the record makes with the earlier records of its person: what the outcome weighs
        Map<String, Integer> whyPairs = new java.util.TreeMap<>();
        Map<String, Integer> earlierOfCluster = new HashMap<>();
        Map<String, Integer> clusterSize = new HashMap<>();
        records.forEach(record -> clusterSize.merge(record.cluster(), 1, Integer::sum));
        for (int i = 0; i < records.size(); i++) {
            LabelledRecord r = records.get(i);
            MatchSubject s = MatchSubject.of(r.nhsNumber(), r.demographics());
            subjects.add(s);
            clusterOf.put(r.localId(), r.cluster());
            if (s.nhsNumber() == null && !s.matchable()) {
                // the service refuses it (422): stored nowhere, linked to no one; it loses its pairs with every
                // other record of its person (counted here, so not again at the later records)
                refused++;
                why.merge("refused: too little to match on", 1, Integer::sum);
                whyPairs.merge("refused: too little to match on", clusterSize.get(r.cluster()) - 1, Integer::sum);
                personOf.add(-1);
                continue;
            }
            long stored = i - refused;
            if (TERM_FREQUENCY && stored >= MINIMUM_INDEX && i % REFRESH == 0) {
                frequencies = new NameFrequencies(shares(givenCounts, stored), shares(familyCounts, stored),
                        shares(townCounts, stored), shares(birthDateCounts, stored), 1.0 / stored);
            }
            if (s.given() != null) {
                givenCounts.merge(s.given(), 1L, Long::sum);
            }
            if (s.family() != null) {
                familyCounts.merge(s.family(), 1L, Long::sum);
            }
            if (s.town() != null) {
                townCounts.merge(s.town(), 1L, Long::sum);
            }
            if (s.birthDigits() != null) {
                birthDateCounts.merge(s.birthDigits(), 1L, Long::sum);
            }
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
                MatchDecision d = MatchDecision.of(scorer.score(s, subjects.get(c), frequencies), s,
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
                if (RIVALS) {
                    // as the service: the best candidate of any other person (ranked as the service ranks them)
                    PersonCheck.Member rival = decisions.entrySet().stream()
                            .filter(e -> personOf.get(e.getKey()) != bestPerson)
                            .min(java.util.Comparator.comparing((Map.Entry<Integer, MatchDecision> e) ->
                                    e.getValue().outcome()).thenComparing(e -> -e.getValue().score().weight()))
                            .map(e -> new PersonCheck.Member(subjects.get(e.getKey()), e.getValue())).orElse(null);
                    best = PersonCheck.against(new PersonCheck.Member(subjects.get(bestAt), best), rival, scorer);
                }
            }
            int person = i;
            boolean hasEarlier = !seenClusters.add(r.cluster());
            int earlier = earlierOfCluster.merge(r.cluster(), 1, Integer::sum) - 1;
            Map<String, Integer> whyBefore = new HashMap<>(why);
            boolean bestTrue = best != null && clusterOf.get(records.get(bestAt).localId()).equals(r.cluster());
            if (best == null || best.outcome() == MatchOutcome.NO_MATCH) {
                if (hasEarlier) {
                    why.merge(best == null ? "new: no candidate" : "new: below review", 1, Integer::sum);
                }
            } else if (best.outcome() == MatchOutcome.REVIEW) {
                why.merge("review " + (bestTrue ? "(right person): " : "(wrong person): ") + (best.reasons().isEmpty()
                        ? "score" : best.reasons().get(0).replaceAll(":.*", "")), 1, Integer::sum);
            } else {
                why.merge(bestTrue ? "link right" : "link WRONG", 1, Integer::sum);
                if (Boolean.getBoolean("mpi.histogram")) {
                    why.merge(String.format(java.util.Locale.ROOT, "link weight %03d %s",
                            2 * (int) (best.score().weight() / 2), bestTrue ? "right" : "WRONG"), 1, Integer::sum);
                }
            }
            why.forEach((k, v) -> {
                if (!v.equals(whyBefore.get(k)) && !k.startsWith("link weight")) {
                    whyPairs.merge(k, earlier, Integer::sum);
                }
            });
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
                        MatchDecision d = MatchDecision.of(scorer.score(s, subjects.get(c), frequencies), s,
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
                decided.put(r.localId(), String.valueOf(person));
            } else {
                decided.put(r.localId(), bestTrue ? String.valueOf(personOf.get(bestAt)) : "review-" + i);
            }
            if (person >= 0) {
                for (String key : keys) {
                    blocks.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
                }
            }
        }
        String run = set + (TERM_FREQUENCY ? "" : " (no term frequencies)") + (RIVALS ? "" : " (no rival hold)");
        System.out.println("MPI-REPLAY " + run + ": " + PairwiseAccuracy.of(clusterOf, linked).line() + "; reviews "
                + reviews + "; refused (too little to match on) " + refused);
        System.out.println("MPI-REPLAY " + run + " with the review queue decided right: "
                + PairwiseAccuracy.of(clusterOf, decided).line());
        why.forEach((k, v) -> System.out.println("  outcome " + k + ": " + v + (whyPairs.containsKey(k)
                ? " records, " + whyPairs.get(k) + " true pairs with earlier records of the person" : "")));
        misses.forEach(m -> System.out.println("  " + m));
    }
}
