package org.kmcr.identity.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.kmcr.identity.matching.Agreement;
import org.kmcr.identity.matching.BlockingKeys;
import org.kmcr.identity.matching.ExpectationMaximisation;
import org.kmcr.identity.matching.FellegiSunter;
import org.kmcr.identity.matching.MatchField;
import org.kmcr.identity.matching.MatchSubject;
import org.kmcr.identity.matching.Weights;

/**
 * Estimates the shipped weights from unlabelled records (the labels are not used): u from random pairs, m and the
 * prior by EM over the pairs the matcher's own blocking keys bring together, as {@link WeightEstimator} does on a
 * loaded index. Prints the weights file. Not in the default test run; run with
 * {@code ./mvnw -o -B -pl src/identity -am test -Dtest=WeightEstimationBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dmpi.sets=historical_50k,uk_generated}, the default).
 */
class WeightEstimationBenchmark {

    static final FellegiSunter SCORER = FellegiSunter.shipped();

    @Test
    void estimateTheWeightsFromTheRecordsAlone() throws Exception {
        List<MatchSubject> subjects = new ArrayList<>();
        for (String set : System.getProperty("mpi.sets", "historical_50k,uk_generated").split(",")) {
            List<LabelledRecord> records = switch (set) {
                case "historical_50k" -> LabelledSets.historical(MpiAccuracyBenchmark.DATA.resolve(
                        "splink-datasets/historical_figures_with_errors_50k.csv"));
                case "fake_1000" -> LabelledSets.fake1000(MpiAccuracyBenchmark.DATA.resolve(
                        "splink-datasets/fake_1000.csv"));
                case "uk_generated" -> new UkPeople(7).generate(5000);
                default -> throw new IllegalArgumentException(set);
            };
            records.forEach(r -> subjects.add(MatchSubject.of(r.nhsNumber(), r.demographics())));
        }
        Weights estimated = estimate(subjects);
        System.out.println("MPI-WEIGHTS from " + subjects.size() + " records\n" + estimated.format());
        java.nio.file.Files.writeString(Path.of("target", "mpi-weights.properties"), estimated.format());
    }

    /**
     * The weights estimated from these records alone: u from 50,000 random pairs, m and the prior by EM per
     * blocking rule over the pairs the matcher's blocking keys bring together (at most 40 a block); the shipped
     * thresholds and prior are kept (the prior estimated is that of whole blocks, not of one resolve's candidates).
     */
    static Weights estimate(List<MatchSubject> subjects) {
        Random random = new Random(3);
        List<Map<MatchField, Agreement>> randomPairs = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            randomPairs.add(SCORER.levels(subjects.get(random.nextInt(subjects.size())),
                    subjects.get(random.nextInt(subjects.size()))));
        }
        Map<String, List<Integer>> blocks = new HashMap<>();
        for (int i = 0; i < subjects.size(); i++) {
            for (String key : BlockingKeys.of(subjects.get(i))) {
                blocks.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            }
        }
        Map<String, List<Map<MatchField, Agreement>>> blocked = new HashMap<>();
        int count = 0;
        for (Map.Entry<String, List<Integer>> entry : blocks.entrySet()) {
            List<Integer> block = entry.getValue();
            for (int a = 0; a < block.size() && a < 40; a++) {
                for (int b = a + 1; b < block.size() && b < 40; b++) {
                    blocked.computeIfAbsent(BlockingKeys.rule(entry.getKey()), r -> new ArrayList<>())
                            .add(SCORER.levels(subjects.get(block.get(a)), subjects.get(block.get(b))));
                    count++;
                }
            }
        }
        Weights start = Weights.shipped();
        Weights estimated = ExpectationMaximisation.estimateByRule(blocked, BlockingKeys.RULE_FIELDS, start,
                ExpectationMaximisation.shares(randomPairs, start), 40);
        return estimated.with(estimated.m(), estimated.u(), start.prior());
    }
}
