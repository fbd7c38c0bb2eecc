package org.kmcr.consent.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.kmcr.common.consent.AccessDecision;
import org.kmcr.common.consent.ItemFacts;
import org.kmcr.common.consent.ItemFilter;
import org.kmcr.consent.policy.AccessPolicy;

/**
 * The conformance suite: every scenario of {@code conformance/scenarios.csv} (caller x person x directive x item x
 * action -> outcome), run through the pure decision and the contract's item filter. The outcome is
 * {@code deny:<reason code>}, or what happens to the item: {@code shown}, {@code withheld} ("information
 * withheld"), {@code hidden} (no trace), or {@code redacted} (shown without a sensitive person's contact details).
 * The table was written from the rules by an implementation independent of this one.
 */
class ConformanceTest {

    static final String TABLE = "/conformance/scenarios.csv";

    @ParameterizedTest(name = "{0} / {1} / {2} / {3} / {4} -> {5}")
    @CsvFileSource(resources = TABLE, numLinesToSkip = 1)
    void scenario(String caller, String person, String directive, String item, String action, String expected) {
        AccessDecision decision = AccessPolicy.decide(ConformanceWorld.request(caller, person, action),
                ConformanceWorld.facts(caller, person, directive), ConformanceWorld.POLICY);
        assertEquals(expected, outcome(decision, person, ConformanceWorld.ITEMS.get(item)), decision.reason());
    }

    static String outcome(AccessDecision decision, String person, ItemFacts item) {
        if (!decision.permitted()) {
            return "deny:" + decision.reasonCode().code();
        }
        return switch (ItemFilter.visibility(decision, item)) {
            case HIDDEN -> "hidden";
            case WITHHELD -> "withheld";
            case SHOWN -> ItemFilter.redactedFields(ItemFilter.activeRedactions(decision,
                    ConformanceWorld.personItems(person, item)), item).isEmpty() ? "shown" : "redacted";
        };
    }

    @Test
    void theTableHasAtLeast500ScenariosAndCoversEveryOutcomeAndValue() throws IOException {
        List<String[]> rows;
        try (InputStream in = getClass().getResourceAsStream(TABLE)) {
            rows = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
                    .map(line -> line.split(",")).toList();
        }
        assertTrue(rows.size() >= 500, "scenarios: " + rows.size());
        Set<String> outcomes = new HashSet<>();
        rows.forEach(row -> outcomes.add(row[5]));
        assertTrue(outcomes.containsAll(Set.of("shown", "withheld", "hidden", "redacted", "deny:objection",
                "deny:opted-out", "deny:partner-suspended", "deny:not-a-sharing-partner", "deny:no-record",
                "deny:no-legitimate-relationship", "deny:not-own-record", "deny:role-not-permitted",
                "deny:action-not-permitted")), outcomes.toString());
        assertColumnCovers(rows, 0, ConformanceWorld.CALLERS.keySet());
        assertColumnCovers(rows, 2, ConformanceWorld.DIRECTIVES.keySet());
        assertColumnCovers(rows, 3, ConformanceWorld.ITEMS.keySet());
        assertColumnCovers(rows, 4, Set.of("summary", "fhir-search", "everything", "citizen-view", "export",
                "analytics"));
    }

    private static void assertColumnCovers(List<String[]> rows, int column, Set<String> values) {
        Set<String> seen = new HashSet<>();
        rows.forEach(row -> seen.add(row[column]));
        assertEquals(values, seen, "column " + column + " of " + Arrays.toString(rows.get(0)));
    }
}
