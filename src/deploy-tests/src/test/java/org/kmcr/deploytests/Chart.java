package org.kmcr.deploytests;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The chart under test (helm/kmcr), rendered and linted in-process by helm-java; no cluster, no helm CLI. */
final class Chart {

    static final String RELEASE = "kmcr";
    static final String NAMESPACE = "kmcr";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Chart() {
    }

    static Path root() {
        return Path.of(System.getProperty("kmcr.root", "../..")).toAbsolutePath().normalize();
    }

    static Path directory() {
        return root().resolve("helm/kmcr");
    }

    /** A values file of the chart (values-ha.yaml, ...) or of this module's test resources (bad-values.yaml). */
    static Path valuesFile(String name) {
        Path inChart = directory().resolve(name);
        if (Files.exists(inChart)) {
            return inChart;
        }
        Path inResources = root().resolve("src/deploy-tests/src/test/resources").resolve(name);
        if (Files.exists(inResources)) {
            return inResources;
        }
        throw new IllegalArgumentException("no values file " + name);
    }

    /**
     * The annotation prefix hooks carry in what {@link #render} returns. helm-java's template prints only the release
     * manifest, not the hooks (the migration Job, the helm test Pod), so render works on a copy of the chart whose
     * templates say {@value #HOOK_ANNOTATION} where they say helm.sh/hook: the same objects, with the same values,
     * rendered among the others instead of apart.
     */
    static final String HOOK_ANNOTATION = "kmcr.test/helm-hook";

    /** helm template with the default values plus the given files, in order (later files win); hooks included. */
    static Manifests render(String... valuesFiles) {
        try {
            Path copy = Files.createTempDirectory("kmcr-chart-").resolve("kmcr");
            copyTree(directory(), copy);
            try (Stream<Path> templates = Files.walk(copy.resolve("templates"))) {
                for (Path file : templates.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                    Files.writeString(file, Files.readString(file).replace("helm.sh/hook", HOOK_ANNOTATION));
                }
            }
            try {
                TemplateCommand template = new Helm(copy).template().withName(RELEASE).withNamespace(NAMESPACE);
                for (String file : valuesFiles) {
                    template = template.withValuesFile(valuesFile(file));
                }
                return Manifests.parse(template.call());
            } finally {
                deleteTree(copy.getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * helm lint --strict with the default values plus the given files. helm-java's lint takes no values file, so the
     * chart is copied (symbolic links resolved, as helm package does) with the files merged into its values.yaml.
     */
    static LintResult lint(String... valuesFiles) {
        try {
            Path copy = Files.createTempDirectory("kmcr-chart-").resolve("kmcr");
            copyTree(directory(), copy);
            if (valuesFiles.length > 0) {
                Map<String, Object> values = readYaml(directory().resolve("values.yaml"));
                for (String file : valuesFiles) {
                    values = merge(values, readYaml(valuesFile(file)));
                }
                YAML.writeValue(copy.resolve("values.yaml").toFile(), values);
            }
            try {
                return new Helm(copy).lint().strict().call();
            } finally {
                deleteTree(copy.getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readYaml(Path file) throws IOException {
        Map<String, Object> values = YAML.readValue(file.toFile(), Map.class);
        return values == null ? new LinkedHashMap<>() : values;
    }

    /** Helm's coalescing of values files: maps merge key by key, anything else is replaced. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> override) {
        Map<String, Object> merged = new LinkedHashMap<>(base);
        override.forEach((key, value) -> {
            Object old = merged.get(key);
            if (old instanceof Map && value instanceof Map) {
                merged.put(key, merge((Map<String, Object>) old, (Map<String, Object>) value));
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(from)) {
            paths = new ArrayList<>(walk.toList());
        }
        for (Path path : paths) {
            Path target = to.resolve(from.relativize(path).toString());
            if (Files.isDirectory(path)) {
                Files.createDirectories(target);
            } else {
                Files.copy(path, target);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(path);
            }
        }
    }
}
