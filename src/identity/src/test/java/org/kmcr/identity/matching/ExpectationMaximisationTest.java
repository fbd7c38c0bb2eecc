package org.kmcr.identity.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** EM recovers m and the share of matches from pairs generated with known parameters. */
class ExpectationMaximisationTest {

    @Test
    void recoversTheParametersThePairsWereDrawnFrom() {
        Random random = new Random(7);
        List<Map<MatchField, Agreement>> pairs = new ArrayList<>();
        List<Map<MatchField, Agreement>> randomPairs = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            boolean match = random.nextDouble() < 0.3;
            pairs.add(pair(random, match));
            randomPairs.add(pair(random, false));
        }
        var u = ExpectationMaximisation.shares(randomPairs, Weights.shipped());
        Weights estimated = ExpectationMaximisation.estimate(pairs, Weights.shipped(), u, 25);

        assertEquals(0.3, estimated.prior(), 0.02);
        assertEquals(0.9, estimated.m(MatchField.FAMILY, Agreement.EXACT), 0.03);
        assertEquals(0.85, estimated.m(MatchField.BIRTH_DATE, Agreement.EXACT), 0.03);
        assertTrue(estimated.u(MatchField.FAMILY, Agreement.EXACT) < 0.05);
        assertEquals(Weights.shipped().u(MatchField.POSTCODE, Agreement.EXACT),
                estimated.u(MatchField.POSTCODE, Agreement.EXACT), "a field never compared keeps its u");
    }

    /** A match agrees exactly on family name 90% and birth date 85% of the time; a non-match 2% and 1%. */
    private static Map<MatchField, Agreement> pair(Random random, boolean match) {
        Map<MatchField, Agreement> levels = new EnumMap<>(MatchField.class);
        for (MatchField field : MatchField.values()) {
            levels.put(field, Agreement.MISSING);
        }
        levels.put(MatchField.FAMILY, random.nextDouble() < (match ? 0.9 : 0.02) ? Agreement.EXACT : Agreement.DISAGREE);
        levels.put(MatchField.BIRTH_DATE, random.nextDouble() < (match ? 0.85 : 0.01) ? Agreement.EXACT
                : Agreement.DISAGREE);
        levels.put(MatchField.GENDER, random.nextDouble() < (match ? 0.98 : 0.5) ? Agreement.EXACT
                : Agreement.DISAGREE);
        return levels;
    }
}
