package org.kmcr.deploytests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules fail for real: a deliberately bad values file breaks each of them, and each rule says where. */
class BadValuesTest {

    private static final Manifests BAD = Chart.render("bad-values.yaml");

    @Test
    void rootAndWritableContainersAreCaught() {
        assertFound(ChartRules.containerSecurity(BAD), "Deployment/kmcr-identity container identity: may run as root",
                "Deployment/kmcr-identity container identity: root file system is writable",
                "Deployment/kmcr-identity container identity: capabilities not all dropped");
    }

    @Test
    void missingLimitsAreCaught() {
        assertFound(ChartRules.resources(BAD), "Deployment/kmcr-consent container consent: no memory limit");
    }

    @Test
    void deploymentsWithoutBudgetOrAutoscalerAreCaught() {
        assertFound(ChartRules.disruptionBudgets(BAD), "Deployment/kmcr-audit: no PodDisruptionBudget selects its pods");
        assertFound(ChartRules.autoscalers(BAD), "Deployment/kmcr-audit: no HorizontalPodAutoscaler");
    }

    @Test
    void podsWithoutNetworkPolicyAreCaught() {
        assertFound(ChartRules.networkPolicies(BAD), "Deployment/kmcr-record: no NetworkPolicy restricts its ingress",
                "Job/kmcr-migrations: no NetworkPolicy restricts its egress");
    }

    @Test
    void inlineSecretsAreCaught() {
        assertFound(ChartRules.secretsByReference(BAD),
                "Deployment/kmcr-ingest container ingest: KMCR_PARTNER_API_TOKEN is not from a secretKeyRef");
    }

    /** The values schema and the templates refuse unpinned images first; the rule catches what a template gets wrong. */
    @Test
    void unpinnedImagesAreCaught() {
        Manifests unpinned = Manifests.parse("""
                apiVersion: v1
                kind: Pod
                metadata: {name: sketch}
                spec:
                  containers:
                    - {name: untagged, image: docker.io/curlimages/curl}
                    - {name: latest, image: "docker.io/curlimages/curl:latest"}
                    - {name: short-digest, image: "docker.io/curlimages/curl:8.11.1@sha256:abc"}
                    - {name: pinned, image: "docker.io/curlimages/curl:8.11.1"}
                """);
        assertEquals(List.of("Pod/sketch container untagged: image docker.io/curlimages/curl is not pinned",
                "Pod/sketch container latest: image docker.io/curlimages/curl:latest is not pinned",
                "Pod/sketch container short-digest: image docker.io/curlimages/curl:8.11.1@sha256:abc is not pinned"),
                ChartRules.pinnedImages(unpinned));
    }

    @Test
    void localRunSwitchesAreCaught() {
        Manifests sketch = Manifests.parse("""
                apiVersion: v1
                kind: Pod
                metadata: {name: sketch}
                spec:
                  containers:
                    - name: record
                      image: "ghcr.io/kmcr/kmcr-record:0.1.0"
                      env:
                        - {name: KMCR_ALLOW_DEMO_SECRETS, value: "true"}
                """);
        assertEquals(List.of("Pod/sketch container record: sets KMCR_ALLOW_DEMO_SECRETS"),
                ChartRules.noLocalRunSwitches(sketch));
    }

    @Test
    void missingZoneSpreadAndShortGracePeriodAreCaught() {
        assertFound(ChartRules.zoneSpread(BAD), "Deployment/kmcr-ingest: no topology spread across zones");
        assertFound(ChartRules.gracefulShutdown(BAD), "Deployment/kmcr-ingest container ingest: preStop 10 s + "
                + "shutdown 20s do not fit in the 25 s grace period");
    }

    /** Values the chart refuses to render at all: by the values schema, or by a template's required or fail. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "bad-digest-values.yaml          | tests.image.digest: Does not match pattern",
        "bad-mode-values.yaml            | database.mode",
        "latest-service-tag-values.yaml  | services.audit.image.tag",
        "latest-tag-values.yaml          | the tag \"latest\" is not allowed",
        "missing-secret-values.yaml      | services.record.database.existingSecret is required",
        "plain-http-values.yaml          | services.record.env.KMCR_ALLOW_PLAIN_HTTP: the local run's switches"})
    void refusedValuesDoNotRender(String valuesFile, String reason) {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> Chart.render(valuesFile));
        assertTrue(refused.getMessage().contains(reason), refused.getMessage());
    }

    private static void assertFound(List<String> violations, String... expected) {
        for (String violation : expected) {
            assertTrue(violations.contains(violation), "expected \"" + violation + "\" among " + violations);
        }
    }
}
