package org.kmcr.deploytests;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The rendered chart as typed Kubernetes objects (fabric8); custom resources stay generic. */
final class Manifests {

    private final List<HasMetadata> objects;

    private Manifests(List<HasMetadata> objects) {
        this.objects = List.copyOf(objects);
    }

    static Manifests parse(String rendered) {
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : rendered.split("(?m)^---\\s*$")) {
            if (document.lines().allMatch(line -> line.isBlank() || line.stripLeading().startsWith("#"))) {
                continue;
            }
            KubernetesResource parsed = Serialization.unmarshal(document, KubernetesResource.class);
            if (parsed instanceof HasMetadata object) {
                objects.add(object);
            } else {
                throw new IllegalStateException("not a Kubernetes object: " + document);
            }
        }
        return new Manifests(objects);
    }

    List<HasMetadata> all() {
        return objects;
    }

    <T extends HasMetadata> List<T> of(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<HasMetadata> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.getKind())).toList();
    }

    <T extends HasMetadata> T named(Class<T> type, String name) {
        return of(type).stream().filter(o -> name.equals(o.getMetadata().getName())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name + " rendered"));
    }

    Optional<HasMetadata> find(String kind, String name) {
        return ofKind(kind).stream().filter(o -> name.equals(o.getMetadata().getName())).findFirst();
    }

    /** Every pod the chart can start, by "Kind/name": Deployments, Jobs, CronJobs and test Pods. */
    Map<String, PodTemplateSpec> podTemplates() {
        Map<String, PodTemplateSpec> pods = new LinkedHashMap<>();
        of(Deployment.class).forEach(d -> pods.put("Deployment/" + d.getMetadata().getName(), d.getSpec().getTemplate()));
        of(Job.class).forEach(j -> pods.put("Job/" + j.getMetadata().getName(), j.getSpec().getTemplate()));
        of(CronJob.class).forEach(c -> pods.put("CronJob/" + c.getMetadata().getName(),
                c.getSpec().getJobTemplate().getSpec().getTemplate()));
        of(Pod.class).forEach(p -> pods.put("Pod/" + p.getMetadata().getName(), new PodTemplateSpecBuilder()
                .withNewMetadata().withLabels(p.getMetadata().getLabels()).endMetadata()
                .withSpec(p.getSpec()).build()));
        return pods;
    }
}
