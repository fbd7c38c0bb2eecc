package org.kmcr.deploytests;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The rules every rendering of the chart must keep. Each returns its violations (empty: kept), so a test can show
 * both that good values keep them and that bad values break exactly the rule they should.
 */
final class ChartRules {

    /** Env variables that carry credentials must come from a Secret, never a literal. */
    static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|PRIVATE_KEY|TOKEN|CREDENTIAL).*");
    private static final Pattern PINNED_IMAGE = Pattern.compile("[^@\\s]+:(?!latest(@|$))[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}"
            + "(@sha256:[0-9a-f]{64})?");

    private ChartRules() {
    }

    /** Every rule, by name. */
    static Map<String, Function<Manifests, List<String>>> all() {
        return Map.ofEntries(
                Map.entry("container security", ChartRules::containerSecurity),
                Map.entry("resources", ChartRules::resources),
                Map.entry("probes", ChartRules::probes),
                Map.entry("disruption budget", ChartRules::disruptionBudgets),
                Map.entry("autoscaler", ChartRules::autoscalers),
                Map.entry("network policy", ChartRules::networkPolicies),
                Map.entry("secrets by reference", ChartRules::secretsByReference),
                Map.entry("pinned images", ChartRules::pinnedImages),
                Map.entry("zone spread", ChartRules::zoneSpread),
                Map.entry("graceful shutdown", ChartRules::gracefulShutdown),
                Map.entry("no local-run switches", ChartRules::noLocalRunSwitches));
    }

    static List<String> containerSecurity(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        manifests.podTemplates().forEach((pod, template) -> {
            PodSpec spec = template.getSpec();
            PodSecurityContext podContext = Optional.ofNullable(spec.getSecurityContext()).orElse(new PodSecurityContext());
            if (!Boolean.FALSE.equals(spec.getAutomountServiceAccountToken())) {
                violations.add(pod + ": automountServiceAccountToken is not false");
            }
            for (Container c : containers(spec)) {
                String where = pod + " container " + c.getName();
                SecurityContext sc = Optional.ofNullable(c.getSecurityContext()).orElse(new SecurityContext());
                boolean nonRoot = Boolean.TRUE.equals(sc.getRunAsNonRoot())
                        || (sc.getRunAsNonRoot() == null && Boolean.TRUE.equals(podContext.getRunAsNonRoot()));
                Long user = sc.getRunAsUser() != null ? sc.getRunAsUser() : podContext.getRunAsUser();
                if (!nonRoot || Long.valueOf(0).equals(user)) {
                    violations.add(where + ": may run as root");
                }
                if (!Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem())) {
                    violations.add(where + ": root file system is writable");
                }
                if (!Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())) {
                    violations.add(where + ": privilege escalation allowed");
                }
                if (sc.getCapabilities() == null || sc.getCapabilities().getDrop() == null
                        || !sc.getCapabilities().getDrop().contains("ALL")
                        || (sc.getCapabilities().getAdd() != null && !sc.getCapabilities().getAdd().isEmpty())) {
                    violations.add(where + ": capabilities not all dropped");
                }
                String seccomp = sc.getSeccompProfile() != null ? sc.getSeccompProfile().getType()
                        : podContext.getSeccompProfile() != null ? podContext.getSeccompProfile().getType() : null;
                if (!"RuntimeDefault".equals(seccomp)) {
                    violations.add(where + ": seccomp profile is not RuntimeDefault");
                }
            }
        });
        return violations;
    }

    static List<String> resources(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        manifests.podTemplates().forEach((pod, template) -> {
            for (Container c : containers(template.getSpec())) {
                ResourceRequirements r = c.getResources();
                for (String kind : List.of("cpu", "memory")) {
                    if (r == null || !has(r.getRequests(), kind)) {
                        violations.add(pod + " container " + c.getName() + ": no " + kind + " request");
                    }
                    if (r == null || !has(r.getLimits(), kind)) {
                        violations.add(pod + " container " + c.getName() + ": no " + kind + " limit");
                    }
                }
            }
        });
        return violations;
    }

    /** Every service container: startup, liveness and readiness on /q/health/* of its management port. */
    static List<String> probes(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        for (Deployment d : manifests.of(Deployment.class)) {
            for (Container c : d.getSpec().getTemplate().getSpec().getContainers()) {
                String where = "Deployment/" + d.getMetadata().getName() + " container " + c.getName();
                check(violations, where, "startup", c.getStartupProbe(), "/q/health/started");
                check(violations, where, "liveness", c.getLivenessProbe(), "/q/health/live");
                check(violations, where, "readiness", c.getReadinessProbe(), "/q/health/ready");
            }
        }
        return violations;
    }

    static List<String> disruptionBudgets(Manifests manifests) {
        List<PodDisruptionBudget> budgets = manifests.of(PodDisruptionBudget.class);
        return manifests.of(Deployment.class).stream()
                .filter(d -> budgets.stream().noneMatch(b -> selects(b.getSpec().getSelector(),
                        d.getSpec().getTemplate().getMetadata().getLabels())))
                .map(d -> "Deployment/" + d.getMetadata().getName() + ": no PodDisruptionBudget selects its pods")
                .toList();
    }

    static List<String> autoscalers(Manifests manifests) {
        List<HorizontalPodAutoscaler> hpas = manifests.of(HorizontalPodAutoscaler.class);
        return manifests.of(Deployment.class).stream()
                .filter(d -> hpas.stream().noneMatch(h -> "Deployment".equals(h.getSpec().getScaleTargetRef().getKind())
                        && d.getMetadata().getName().equals(h.getSpec().getScaleTargetRef().getName())))
                .map(d -> "Deployment/" + d.getMetadata().getName() + ": no HorizontalPodAutoscaler")
                .toList();
    }

    /** Every pod is selected by a policy that restricts both its ingress and its egress. */
    static List<String> networkPolicies(Manifests manifests) {
        List<NetworkPolicy> policies = manifests.of(NetworkPolicy.class);
        List<String> violations = new ArrayList<>();
        manifests.podTemplates().forEach((pod, template) -> {
            Map<String, String> labels = template.getMetadata().getLabels();
            List<NetworkPolicy> selecting = policies.stream()
                    .filter(p -> selects(p.getSpec().getPodSelector(), labels)).toList();
            for (String type : List.of("Ingress", "Egress")) {
                if (selecting.stream().noneMatch(p -> p.getSpec().getPolicyTypes().contains(type))) {
                    violations.add(pod + ": no NetworkPolicy restricts its " + type.toLowerCase());
                }
            }
        });
        // and no policy opens a pod to everyone: every ingress rule names its peers
        for (NetworkPolicy p : policies) {
            Optional.ofNullable(p.getSpec().getIngress()).orElse(List.of()).stream()
                    .filter(rule -> rule.getFrom() == null || rule.getFrom().isEmpty())
                    .forEach(rule -> violations.add("NetworkPolicy/" + p.getMetadata().getName()
                            + ": an ingress rule allows every source"));
        }
        return violations;
    }

    /** The chart renders no Secret, and credentials in the environment come only from secretKeyRef. */
    static List<String> secretsByReference(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        manifests.of(Secret.class).forEach(s -> violations.add("Secret/" + s.getMetadata().getName()
                + ": the chart renders secret values; reference an existing Secret instead"));
        manifests.podTemplates().forEach((pod, template) -> {
            for (Container c : containers(template.getSpec())) {
                for (EnvVar env : Optional.ofNullable(c.getEnv()).orElse(List.of())) {
                    boolean fromSecret = env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null;
                    if (SECRET_NAME.matcher(env.getName()).matches() && !fromSecret) {
                        violations.add(pod + " container " + c.getName() + ": " + env.getName()
                                + " is not from a secretKeyRef");
                    }
                }
            }
        });
        return violations;
    }

    static List<String> pinnedImages(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        manifests.podTemplates().forEach((pod, template) -> {
            for (Container c : containers(template.getSpec())) {
                if (c.getImage() == null || !PINNED_IMAGE.matcher(c.getImage()).matches()) {
                    violations.add(pod + " container " + c.getName() + ": image " + c.getImage() + " is not pinned");
                }
            }
        });
        return violations;
    }

    /** Every Deployment's pods spread across zones. */
    static List<String> zoneSpread(Manifests manifests) {
        return manifests.of(Deployment.class).stream()
                .filter(d -> Optional.ofNullable(d.getSpec().getTemplate().getSpec().getTopologySpreadConstraints())
                        .orElse(List.of()).stream()
                        .noneMatch(t -> "topology.kubernetes.io/zone".equals(t.getTopologyKey())
                                && selects(t.getLabelSelector(), d.getSpec().getTemplate().getMetadata().getLabels())))
                .map(d -> "Deployment/" + d.getMetadata().getName() + ": no topology spread across zones")
                .toList();
    }

    /**
     * Every service drains before it is killed: a preStop pause while its endpoints are removed, then Quarkus's
     * shutdown timeout for requests in flight, both inside the termination grace period.
     */
    static List<String> gracefulShutdown(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        for (Deployment d : manifests.of(Deployment.class)) {
            PodSpec spec = d.getSpec().getTemplate().getSpec();
            long grace = Optional.ofNullable(spec.getTerminationGracePeriodSeconds()).orElse(30L);
            for (Container c : spec.getContainers()) {
                String where = "Deployment/" + d.getMetadata().getName() + " container " + c.getName();
                Integer pause = c.getLifecycle() == null || c.getLifecycle().getPreStop() == null
                        || c.getLifecycle().getPreStop().getSleep() == null ? null
                        : c.getLifecycle().getPreStop().getSleep().getSeconds().intValue();
                String timeout = Optional.ofNullable(c.getEnv()).orElse(List.of()).stream()
                        .filter(e -> e.getName().equals("QUARKUS_SHUTDOWN_TIMEOUT")).map(EnvVar::getValue)
                        .findFirst().orElse(null);
                if (pause == null) {
                    violations.add(where + ": no preStop pause");
                } else if (timeout == null || !timeout.matches("\\d+s")) {
                    violations.add(where + ": no QUARKUS_SHUTDOWN_TIMEOUT in seconds");
                } else if (pause + Long.parseLong(timeout.replace("s", "")) >= grace) {
                    violations.add(where + ": preStop " + pause + " s + shutdown " + timeout + " do not fit in the "
                            + grace + " s grace period");
                }
            }
        }
        return violations;
    }

    /** KMCR_ALLOW_DEMO_SECRETS and KMCR_ALLOW_PLAIN_HTTP belong to the local run and the tests, never a cluster. */
    static List<String> noLocalRunSwitches(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        manifests.podTemplates().forEach((pod, template) -> {
            for (Container c : containers(template.getSpec())) {
                Optional.ofNullable(c.getEnv()).orElse(List.of()).stream()
                        .filter(e -> e.getName().startsWith("KMCR_ALLOW_"))
                        .forEach(e -> violations.add(pod + " container " + c.getName() + ": sets " + e.getName()));
            }
        });
        return violations;
    }

    static List<Container> containers(PodSpec spec) {
        return Stream.concat(Optional.ofNullable(spec.getInitContainers()).orElse(List.of()).stream(),
                spec.getContainers().stream()).toList();
    }

    /** Kubernetes label selector semantics: matchLabels and the In / NotIn / Exists / DoesNotExist expressions. */
    static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        Map<String, String> actual = labels == null ? Map.of() : labels;
        boolean labelsMatch = Optional.ofNullable(selector.getMatchLabels()).orElse(Map.of()).entrySet().stream()
                .allMatch(e -> Objects.equals(actual.get(e.getKey()), e.getValue()));
        boolean expressionsMatch = Optional.ofNullable(selector.getMatchExpressions()).orElse(List.of()).stream()
                .allMatch(e -> matches(e, actual));
        return labelsMatch && expressionsMatch;
    }

    private static boolean matches(LabelSelectorRequirement e, Map<String, String> labels) {
        String value = labels.get(e.getKey());
        return switch (e.getOperator()) {
            case "In" -> value != null && e.getValues().contains(value);
            case "NotIn" -> value == null || !e.getValues().contains(value);
            case "Exists" -> value != null;
            case "DoesNotExist" -> value == null;
            default -> throw new IllegalArgumentException("unknown operator " + e.getOperator());
        };
    }

    private static boolean has(Map<String, Quantity> quantities, String kind) {
        return quantities != null && quantities.get(kind) != null;
    }

    private static void check(List<String> violations, String where, String kind, Probe probe, String path) {
        if (probe == null || probe.getHttpGet() == null) {
            violations.add(where + ": no " + kind + " probe");
        } else if (!path.equals(probe.getHttpGet().getPath())
                || !"management".equals(probe.getHttpGet().getPort().getStrVal())) {
            violations.add(where + ": " + kind + " probe is not " + path + " on the management port");
        }
    }
}
