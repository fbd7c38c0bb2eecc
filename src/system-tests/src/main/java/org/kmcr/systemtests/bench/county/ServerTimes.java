package org.kmcr.systemtests.bench.county;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kmcr.systemtests.stack.ServiceSpec;

/**
 * Where a read's time goes, as each service measures its own requests: the {@code http_server_requests_seconds}
 * count and sum of every endpoint of identity, consent, audit and record (their Prometheus metrics on the management
 * port), read before and after a run; the difference gives each endpoint's calls and mean time in the run.
 */
final class ServerTimes {

    private static final Pattern SAMPLE = Pattern.compile(
            // label values are quoted and may hold braces (a path template such as /api/records/{nhsNumber}/summary)
            "^http_server_requests_seconds_(count|sum)\\{((?:[^\"}]|\"[^\"]*\")*)\\}\\s+([0-9.eE+-]+)");
    private static final Pattern LABEL = Pattern.compile("(method|uri|status)=\"([^\"]*)\"");
    private static final List<ServiceSpec> SERVICES = List.of(ServiceSpec.IDENTITY, ServiceSpec.CONSENT,
            ServiceSpec.AUDIT, ServiceSpec.RECORD);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** endpoint -> {count, seconds} */
    Map<String, double[]> snapshot() {
        Map<String, double[]> all = new HashMap<>();
        for (ServiceSpec service : SERVICES) {
            String text;
            try {
                text = http.send(HttpRequest.newBuilder(URI.create(service.managementUrl() + "/q/metrics"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
            } catch (IOException e) {
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return all;
            }
            for (String line : text.split("\n")) {
                Matcher m = SAMPLE.matcher(line);
                if (!m.find()) {
                    continue;
                }
                Map<String, String> labels = new HashMap<>();
                Matcher l = LABEL.matcher(m.group(2));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
                String key = service.name() + " " + labels.get("method") + " " + labels.get("uri");
                double[] v = all.computeIfAbsent(key, k -> new double[2]);
                v[m.group(1).equals("count") ? 0 : 1] += Double.parseDouble(m.group(3));
            }
        }
        return all;
    }

    /** The endpoints called at least {@code minCalls} times between the snapshots, with their mean server time. */
    static List<String> between(Map<String, double[]> before, Map<String, double[]> after, int minCalls) {
        List<String> lines = new ArrayList<>();
        after.forEach((key, v) -> {
            double[] b = before.getOrDefault(key, new double[2]);
            double calls = v[0] - b[0];
            if (calls >= minCalls) {
                lines.add(String.format("%s: %.0f calls, mean %.2f ms", key, calls, (v[1] - b[1]) * 1000 / calls));
            }
        });
        lines.sort(String::compareTo);
        return lines;
    }
}
