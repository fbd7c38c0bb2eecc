package org.kmcr.deploytests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

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
    void badDigestIsRefusedByTheValuesSchema() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> Chart.render("bad-digest-values.yaml"));
        assertTrue(refused.getMessage().contains("tests.image.digest: Does not match pattern"), refused.getMessage());
    }

    @Test
    void unknownDatabaseModeIsRefusedByTheValuesSchema() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> Chart.render("bad-mode-values.yaml"));
        assertTrue(refused.getMessage().contains("database.mode"), refused.getMessage());
    }

    @Test
    void missingZoneSpreadAndShortGracePeriodAreCaught() {
        assertFound(ChartRules.zoneSpread(BAD), "Deployment/kmcr-ingest: no topology spread across zones");
        assertFound(ChartRules.gracefulShutdown(BAD), "Deployment/kmcr-ingest container ingest: preStop 10 s + "
                + "shutdown 20s do not fit in the 25 s grace period");
    }

    @Test
    void latestTagOfOneServiceIsRefusedByTheValuesSchema() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> Chart.render("latest-service-tag-values.yaml"));
        assertTrue(refused.getMessage().contains("services.audit.image.tag"), refused.getMessage());
    }

    @Test
    void latestTagRefusesToRender() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> Chart.render("latest-tag-values.yaml"));
        assertTrue(refused.getMessage().contains("the tag \"latest\" is not allowed"), refused.getMessage());
    }

    @Test
    void missingSecretReferenceRefusesToRender() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> Chart.render("missing-secret-values.yaml"));
        assertTrue(refused.getMessage().contains("services.record.database.existingSecret is required"),
                refused.getMessage());
    }

    private static void assertFound(List<String> violations, String... expected) {
        for (String violation : expected) {
            assertTrue(violations.contains(violation), "expected \"" + violation + "\" among " + violations);
        }
    }
}
