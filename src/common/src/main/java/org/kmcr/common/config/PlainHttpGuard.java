package org.kmcr.common.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;

/**
 * Refuses to start a packaged service that would reach its OIDC server or a neighbouring service over plain http
 * (tokens and personal data in clear on the network), unless the local demo says so explicitly
 * (KMCR_ALLOW_PLAIN_HTTP=true, set by the local run and the end-to-end stack only, where everything is on
 * localhost). Checked: every {@code quarkus.oidc[-client][.<name>].auth-server-url} and every
 * {@code quarkus.rest-client.<name>.url} (or {@code .uri}).
 */
@ApplicationScoped
public class PlainHttpGuard {

    static final String ALLOW = "kmcr.allow-plain-http";
    private static final Pattern GUARDED = Pattern.compile(
            "quarkus\\.oidc(-client)?\\.(.+\\.)?auth-server-url|quarkus\\.rest-client\\..+\\.(url|uri)");

    void onStart(@Observes StartupEvent event, Config config) {
        if (!ProductionStart.guarded(config, ALLOW)) {
            return;
        }
        List<String> plain = plainHttpSettings(config.getPropertyNames(),
                name -> config.getOptionalValue(name, String.class));
        if (!plain.isEmpty()) {
            throw new IllegalStateException("Refusing to start with plain-http URLs in " + plain
                    + ": use https URLs (KMCR_OIDC_URL, KMCR_IDENTITY_URL, KMCR_CONSENT_URL, KMCR_AUDIT_URL, or "
                    + String.join(", ", plain.stream().filter(name -> !name.contains("\""))
                            .map(DemoSecretGuard::envName).toList())
                    + "), or KMCR_ALLOW_PLAIN_HTTP=true for a local demo");
        }
    }

    /**
     * The guarded settings, sorted, whose value is a plain-http URL. A REST client's alias under its quoted interface
     * name ({@code quarkus.rest-client."org.kmcr...Api".url}, which Quarkus derives from the config key) is left out
     * when its config key's own setting is listed with the same URL.
     */
    static List<String> plainHttpSettings(Iterable<String> names, Function<String, Optional<String>> lookup) {
        Map<String, String> plain = new TreeMap<>();
        for (String name : names) {
            if (GUARDED.matcher(name).matches()) {
                lookup.apply(name).map(String::strip).filter(PlainHttpGuard::isPlainHttp)
                        .ifPresent(url -> plain.put(name, url));
            }
        }
        Set<String> unquotedUrls = new HashSet<>();
        plain.forEach((name, url) -> {
            if (!name.contains("\"")) {
                unquotedUrls.add(url);
            }
        });
        plain.entrySet().removeIf(entry -> entry.getKey().contains("\"") && unquotedUrls.contains(entry.getValue()));
        return List.copyOf(plain.keySet());
    }

    static boolean isPlainHttp(String url) {
        return url.regionMatches(true, 0, "http:", 0, "http:".length());
    }
}
