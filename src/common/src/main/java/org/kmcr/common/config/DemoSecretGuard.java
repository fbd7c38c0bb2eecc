package org.kmcr.common.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Refuses to start a packaged service that still holds one of the committed demo credentials, unless the
 * local demo says so explicitly (KMCR_ALLOW_DEMO_SECRETS=true, set by the local run and the end-to-end suite).
 * Its sibling {@link PlainHttpGuard} refuses plain-http URLs the same way.
 */
@ApplicationScoped
public class DemoSecretGuard {

    static final String ALLOW = "kmcr.allow-demo-secrets";
    static final List<String> GUARDED = List.of("kmcr.client-secret", "kmcr.audit.checkpoint.private-key",
            "kmcr.portal.session-secret");
    /** Committed demo values start with this (e.g. the audit checkpoint signing key). */
    public static final String DEMO_PREFIX = "demo-only:";

    void onStart(@Observes StartupEvent event, Config config) {
        if (!ProductionStart.guarded(config, ALLOW)) {
            return;
        }
        List<String> demo = demoValuesIn(name -> config.getOptionalValue(name, String.class));
        if (!demo.isEmpty()) {
            throw new IllegalStateException("Refusing to start with the committed demo value of " + demo
                    + ": set " + String.join(", ", demo.stream().map(DemoSecretGuard::envName).toList())
                    + " (or KMCR_ALLOW_DEMO_SECRETS=true for a local demo)");
        }
    }

    /** The guarded settings that still hold a demo value. */
    static List<String> demoValuesIn(java.util.function.Function<String, Optional<String>> lookup) {
        List<String> demo = new ArrayList<>();
        for (String name : GUARDED) {
            lookup.apply(name).filter(DemoSecretGuard::isDemoValue).ifPresent(value -> demo.add(name));
        }
        return demo;
    }

    static boolean isDemoValue(String value) {
        return value.endsWith("-demo-secret") || value.startsWith(DEMO_PREFIX) || value.equals("local-demo-only");
    }

    static String envName(String property) {
        return property.toUpperCase().replace('.', '_').replace('-', '_');
    }
}
