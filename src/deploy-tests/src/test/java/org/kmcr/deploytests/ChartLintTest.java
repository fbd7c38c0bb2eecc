package org.kmcr.deploytests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;

/** helm lint --strict of the chart with each values set it ships (merged over the defaults, as helm does). */
class ChartLintTest {

    @Test
    void defaultValuesLintStrictly() {
        assertLints();
    }

    @Test
    void highAvailabilityValuesLintStrictly() {
        assertLints("values-ha.yaml");
    }

    @Test
    void ukSouthValuesLintStrictly() {
        assertLints("values-ha.yaml", "values-uk-south.yaml");
    }

    @Test
    void externalDatabaseAndKeycloakOperatorValuesLintStrictly() {
        assertLints("external-values.yaml");
    }

    private static void assertLints(String... valuesFiles) {
        LintResult result = Chart.lint(valuesFiles);
        assertFalse(result.isFailed(), String.join("\n", result.getMessages()));
        // helm lint logs a template's fail() or required() only as [INFO] on its output and passes: the render
        // tests (ChartRulesTest, BadValuesTest) are the ones that prove each values set renders or is refused
        assertTrue(result.getMessages().stream().noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]")),
                String.join("\n", result.getMessages()));
    }
}
