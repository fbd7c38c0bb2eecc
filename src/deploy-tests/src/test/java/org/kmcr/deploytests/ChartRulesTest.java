package org.kmcr.deploytests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.stream.Stream;

/** Every rule holds for the chart rendered with each values set it ships. */
class ChartRulesTest {

    static Stream<Arguments> valueSets() {
        return Stream.of(
                Arguments.of("default", new String[] {}),
                Arguments.of("HA", new String[] {"values-ha.yaml"}),
                Arguments.of("UK South", new String[] {"values-ha.yaml", "values-uk-south.yaml"}),
                Arguments.of("external database and Keycloak operator", new String[] {"external-values.yaml"}),
                Arguments.of("mesh, monitoring, tracing", new String[] {"mesh-values.yaml"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void everyRuleHolds(String name, String[] valuesFiles) {
        Manifests manifests = Chart.render(valuesFiles);
        Map<String, List<String>> violations = new TreeMap<>();
        ChartRules.all().forEach((rule, check) -> {
            List<String> found = check.apply(manifests);
            if (!found.isEmpty()) {
                violations.put(rule, found);
            }
        });
        assertTrue(violations.isEmpty(), () -> "rules broken with " + name + " values: " + violations);
        assertFalse(manifests.podTemplates().isEmpty(), "nothing rendered");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void sixServicesFromTheOneTemplate(String name, String[] valuesFiles) {
        Manifests manifests = Chart.render(valuesFiles);
        assertEquals(List.of("audit", "consent", "identity", "ingest", "portal", "record"),
                manifests.of(io.fabric8.kubernetes.api.model.apps.Deployment.class).stream()
                        .map(d -> d.getSpec().getTemplate().getMetadata().getLabels().get("app.kubernetes.io/component"))
                        .sorted().toList());
    }
}
