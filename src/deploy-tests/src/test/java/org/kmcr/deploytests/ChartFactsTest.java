package org.kmcr.deploytests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the chart must say for KMCR in particular: the migration hook, MLLP, record on the replicas, the realm. */
class ChartFactsTest {

    @Test
    void migrationJobRunsBeforeTheServicesOnInstallAndUpgrade() {
        Job external = Chart.render("external-values.yaml").named(Job.class, "kmcr-migrations");
        assertEquals("pre-install,pre-upgrade", hook(external.getMetadata().getAnnotations()));
        assertEquals("postgres", external.getSpec().getTemplate().getSpec().getInitContainers().get(0).getImage()
                .replaceAll(".*/([a-z]+):.*", "$1"), "external mode bootstraps the database first");
        // a CloudNativePG cluster is made by the release itself: migrated once it is up, and before every upgrade
        Job cnpg = Chart.render().named(Job.class, "kmcr-migrations");
        assertEquals("post-install,pre-upgrade", hook(cnpg.getMetadata().getAnnotations()));
        List<String> ownerPasswords = env(cnpg.getSpec().getTemplate().getSpec().getContainers().get(0)).stream()
                .filter(e -> e.getValueFrom() != null).map(EnvVar::getName).sorted().toList();
        assertEquals(List.of("KMCR_AUDIT_OWNER_PASSWORD", "KMCR_CONSENT_OWNER_PASSWORD",
                "KMCR_IDENTITY_OWNER_PASSWORD", "KMCR_INGEST_OWNER_PASSWORD"), ownerPasswords);
    }

    @Test
    void everyDatabaseConnectionVerifiesTheServersCertificate() {
        Manifests external = Chart.render("external-values.yaml");
        Job job = external.named(Job.class, "kmcr-migrations");
        assertEquals("jdbc:postgresql://pg-primary.db.example.org:5432/kmcr?sslmode=verify-full"
                + "&sslrootcert=/etc/kmcr/db-ca/ca.crt", value(job.getSpec().getTemplate().getSpec().getContainers().get(0),
                "KMCR_DB_URL"));
        assertEquals("kmcr-db-ca", secretVolume(job.getSpec().getTemplate().getSpec(), "db-ca"));
        Deployment record = Chart.render().named(Deployment.class, "kmcr-record");
        assertEquals("kmcr-postgres-ca", secretVolume(record.getSpec().getTemplate().getSpec(), "db-ca"));
        assertEquals("true", value(record.getSpec().getTemplate().getSpec().getContainers().get(0),
                "QUARKUS_DATASOURCE_REACTIVE_TRUST_CERTIFICATE_PEM"));
    }

    @Test
    void withAMeshTheServicesGetSidecarsAndTheJobsDoNot() {
        Manifests manifests = Chart.render("mesh-values.yaml");
        assertEquals("enabled", manifests.named(Deployment.class, "kmcr-record").getSpec().getTemplate().getMetadata()
                .getAnnotations().get("linkerd.io/inject"));
        assertEquals("disabled", manifests.named(Job.class, "kmcr-migrations").getSpec().getTemplate().getMetadata()
                .getAnnotations().get("linkerd.io/inject"), "a sidecar would keep the Job from completing");
        assertEquals("false", value(container(manifests, "kmcr-ingest"), "QUARKUS_OTEL_SDK_DISABLED"), "tracing on");
        assertEquals("http://otel-collector.observability.svc:4317",
                value(container(manifests, "kmcr-ingest"), "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT"));
    }

    @Test
    void noServiceHoldsAnOwnerPassword() {
        Manifests manifests = Chart.render();
        for (Deployment d : manifests.of(Deployment.class)) {
            for (EnvVar e : env(d.getSpec().getTemplate().getSpec().getContainers().get(0))) {
                assertTrue(!e.getName().contains("OWNER"), d.getMetadata().getName() + " holds " + e.getName());
            }
        }
    }

    /** The documented flows between services, and no other: who may open each service's API port. */
    @Test
    void eachServiceAcceptsOnlyItsDocumentedCallers() {
        Manifests manifests = Chart.render();
        Map<String, List<String>> expected = Map.of(
                "ingest", List.of("portal"),
                "identity", List.of("ingest", "portal", "record"),
                "record", List.of("portal"),
                "consent", List.of("audit", "ingest", "portal", "record"),
                "audit", List.of("consent", "identity", "ingest", "portal", "record"),
                "portal", List.of());
        expected.forEach((service, callers) -> {
            NetworkPolicy policy = manifests.named(NetworkPolicy.class, "kmcr-" + service);
            List<String> allowed = policy.getSpec().getIngress().stream().flatMap(r -> r.getFrom().stream())
                    .filter(peer -> peer.getPodSelector() != null && peer.getNamespaceSelector() == null)
                    .map(peer -> peer.getPodSelector().getMatchLabels().get("app.kubernetes.io/component"))
                    .filter(component -> !"tests".equals(component)).sorted().toList();
            assertEquals(callers, allowed, service);
        });
    }

    @Test
    void mllpListenerIsExposedOnlyToItsPartner() {
        Manifests manifests = Chart.render("values-ha.yaml", "values-uk-south.yaml");
        Container ingest = container(manifests, "kmcr-ingest");
        assertTrue(ingest.getPorts().stream().map(ContainerPort::getContainerPort).toList().contains(2575));
        assertEquals("2575:RKM:partner-rkm-pas", value(ingest, "KMCR_INGEST_MLLP_LISTENERS"));
        Service mllp = manifests.named(Service.class, "kmcr-ingest-mllp");
        assertEquals(2575, mllp.getSpec().getPorts().get(0).getPort());
        assertEquals(List.of("192.0.2.10/32"), mllp.getSpec().getLoadBalancerSourceRanges());
        NetworkPolicy policy = manifests.named(NetworkPolicy.class, "kmcr-ingest");
        List<NetworkPolicyIngressRule> mllpRules = policy.getSpec().getIngress().stream()
                .filter(r -> r.getPorts().stream().anyMatch(p -> p.getPort().getIntVal() == 2575)).toList();
        assertEquals(1, mllpRules.size());
        assertEquals("192.0.2.10/32", mllpRules.get(0).getFrom().get(0).getIpBlock().getCidr());
        assertEquals(1, mllpRules.get(0).getFrom().size(), "only the partner's address may connect");
    }

    @Test
    void recordReadsFromTheReadReplicas() {
        assertTrue(value(container(Chart.render(), "kmcr-record"), "QUARKUS_DATASOURCE_REACTIVE_URL")
                .startsWith("postgresql://kmcr-postgres-ro:5432/kmcr?"));
        assertTrue(value(container(Chart.render(), "kmcr-ingest"), "QUARKUS_DATASOURCE_REACTIVE_URL")
                .startsWith("postgresql://kmcr-postgres-rw:5432/kmcr?"));
        assertTrue(value(container(Chart.render("external-values.yaml"), "kmcr-record"), "QUARKUS_DATASOURCE_REACTIVE_URL")
                .startsWith("postgresql://pg-replica.db.example.org:5432/kmcr?"));
    }

    @Test
    void servicesCallEachOtherOverHttpsWithTheirOwnRole() {
        Container record = container(Chart.render(), "kmcr-record");
        assertEquals("https://kmcr-consent:8084", value(record, "KMCR_CONSENT_URL"));
        assertEquals("kmcr_record", value(record, "QUARKUS_DATASOURCE_USERNAME"));
        assertEquals("9083", value(record, "QUARKUS_MANAGEMENT_PORT"));
        assertEquals("disabled", value(record, "QUARKUS_HTTP_INSECURE_REQUESTS"));
    }

    @Test
    void helmTestChecksEveryServiceAndOneFhirRead() {
        Pod test = Chart.render().named(Pod.class, "kmcr-test");
        assertEquals("test", hook(test.getMetadata().getAnnotations()));
        List<String> names = test.getSpec().getContainers().stream().map(Container::getName).sorted().toList();
        assertEquals(List.of("fhir-read", "ready-audit", "ready-consent", "ready-identity", "ready-ingest",
                "ready-portal", "ready-record"), names);
        Container fhir = test.getSpec().getContainers().stream().filter(c -> c.getName().equals("fhir-read")).findFirst()
                .orElseThrow();
        assertTrue(fhir.getArgs().get(0).contains("/fhir/r4/Patient/\\$summary"));
    }

    @Test
    void keycloakOperatorImportsTheShippedRealmWithSecretsFromASecret() throws Exception {
        Manifests manifests = Chart.render("external-values.yaml");
        Map<String, Object> spec = genericSpec(manifests, "KeycloakRealmImport");
        @SuppressWarnings("unchecked")
        Map<String, Object> realm = (Map<String, Object>) spec.get("realm");
        assertEquals("kmcr", realm.get("realm"));
        @SuppressWarnings("unchecked")
        Map<String, Object> portal = ((List<Map<String, Object>>) realm.get("clients")).stream()
                .filter(c -> "kmcr-portal".equals(c.get("clientId"))).findFirst().orElseThrow();
        assertEquals(List.of("https://kmcr.example.org/*"), portal.get("redirectUris"), "the portal's real host");
        assertEquals("https://kmcr.example.org/*",
                ((Map<?, ?>) portal.get("attributes")).get("post.logout.redirect.uris"));
        @SuppressWarnings("unchecked")
        Map<String, Object> placeholders = (Map<String, Object>) spec.get("placeholders");
        assertTrue(placeholders.containsKey("KMCR_CLIENT_SECRET_KMCR_RECORD"));
        assertTrue(placeholders.containsKey("KMCR_CLIENT_SECRET_PARTNER_PDS"));
        String shipped = Files.readString(Chart.root().resolve("k8s/keycloak/kmcr-realm.json"));
        for (String placeholder : placeholders.keySet()) {
            assertTrue(shipped.contains("${" + placeholder + "}"), placeholder + " is not a placeholder of the realm");
        }
        assertTrue(Files.isSameFile(Chart.directory().resolve("files/kmcr-realm.json"),
                Chart.root().resolve("k8s/keycloak/kmcr-realm.json")), "the chart ships k8s/keycloak's realm itself");
        assertTrue(Files.isSameFile(Chart.directory().resolve("files/bootstrap.sql"),
                Chart.root().resolve("k8s/postgres/bootstrap.sql")), "the chart ships k8s/postgres's bootstrap itself");
    }

    @Test
    void cloudNativePgBacksUpAndCreatesTheServicesRoles() {
        Map<String, Object> spec = genericSpec(Chart.render("values-ha.yaml"), "Cluster");
        assertTrue(spec.get("backup").toString().contains("s3://kmcr-backups/kmcr"));
        String roles = spec.get("managed").toString();
        for (String role : List.of("kmcr_ingest", "kmcr_record", "kmcr_identity", "kmcr_consent", "kmcr_audit",
                "kmcr_ingest_owner", "kmcr_audit_owner")) {
            assertTrue(roles.contains("name=" + role + ","), role + " missing from " + roles);
        }
        assertTrue(spec.get("bootstrap").toString().contains("kmcr-bootstrap-sql"));
    }

    static String hook(Map<String, String> annotations) {
        return annotations == null ? null : annotations.get(Chart.HOOK_ANNOTATION);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> genericSpec(Manifests manifests, String kind) {
        List<io.fabric8.kubernetes.api.model.HasMetadata> found = manifests.ofKind(kind);
        assertEquals(1, found.size(), kind);
        return (Map<String, Object>) ((io.fabric8.kubernetes.api.model.GenericKubernetesResource) found.get(0))
                .getAdditionalProperties().get("spec");
    }

    private static String secretVolume(io.fabric8.kubernetes.api.model.PodSpec spec, String volume) {
        return spec.getVolumes().stream().filter(v -> v.getName().equals(volume)).findFirst()
                .orElseThrow(() -> new AssertionError("no volume " + volume)).getSecret().getSecretName();
    }

    private static Container container(Manifests manifests, String deployment) {
        return manifests.named(Deployment.class, deployment).getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private static List<EnvVar> env(Container container) {
        return container.getEnv();
    }

    private static String value(Container container, String name) {
        return env(container).stream().filter(e -> e.getName().equals(name)).map(EnvVar::getValue).findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " has no " + name));
    }

}
