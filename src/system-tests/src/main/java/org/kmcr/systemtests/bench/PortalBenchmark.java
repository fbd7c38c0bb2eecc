package org.kmcr.systemtests.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kmcr.systemtests.LocalRun;
import org.kmcr.systemtests.demo.DemoData;
import org.kmcr.systemtests.demo.DemoLoader;
import org.kmcr.systemtests.demo.DemoPerson;
import org.kmcr.systemtests.stack.DemoRegion;
import org.kmcr.systemtests.stack.Keycloak;
import org.kmcr.systemtests.stack.KmcrClient;
import org.kmcr.systemtests.stack.Stack;

/**
 * The portal's pages on the demo data: the weight of each page (the HTML and everything it loads, as transferred,
 * gzip) and the time to answer it, p50 and p95 over sequential requests after a warm-up, measured from a client on
 * the same machine (so it includes the portal's calls to record, consent, identity and audit, and their audit
 * writes). {@code ./mvnw verify -Pbench -Dkmcr.bench.main=org.kmcr.systemtests.bench.PortalBenchmark}
 */
public final class PortalBenchmark {

    static final int WARM_UP = 20;
    static final int REQUESTS = Integer.getInteger("kmcr.bench.requests", 200);
    private static final Pattern LINKED = Pattern.compile("(?:href|src)=\"(/[^\"]+\\.(?:css|js|ico|svg|png))\"");

    private PortalBenchmark() {
    }

    public static void main(String[] args) {
        try (Stack stack = Stack.start("kmcr_bench_portal")) {
            List<DemoPerson> people = DemoData.generate(LocalRun.DEMO_PEOPLE, LocalRun.DEMO_SEED);
            DemoLoader.load(stack, new Keycloak(Stack.REALM_URL), new KmcrClient(), people);
            DemoPerson registered = people.stream().filter(p -> DemoRegion.GP_PRACTICE.equals(p.gpPractice()))
                    .findFirst().orElseThrow();
            Map<String, String> pages = new LinkedHashMap<>();
            pages.put("find a person (gp.clinician)", "/find");
            pages.put("record summary (gp.clinician)", "/records/" + registered.nhsNumber());
            Map<String, PortalSession> sessions = new LinkedHashMap<>();
            PortalSession gp = PortalSession.signIn(DemoRegion.GP_CLINICIAN);
            PortalSession citizen = PortalSession.signIn(DemoRegion.CITIZEN);
            PortalSession officer = PortalSession.signIn(DemoRegion.PRIVACY_OFFICER);
            sessions.put("/find", gp);
            sessions.put("/records/" + registered.nhsNumber(), gp);
            pages.put("my record (citizen)", "/my-record");
            sessions.put("/my-record", citizen);
            pages.put("who has looked at my record (citizen)", "/my-record/accesses");
            sessions.put("/my-record/accesses", citizen);
            pages.put("access reviews (privacy.officer)", "/privacy/reviews");
            sessions.put("/privacy/reviews", officer);
            page(pages, sessions, "my requests (citizen)", "/my-record/requests", citizen);
            page(pages, sessions, "correction requests (gp.clinician)", "/corrections", gp);
            page(pages, sessions, "requests to decide (privacy.officer)", "/privacy/requests", officer);
            page(pages, sessions, "audit search (privacy.officer)",
                    "/privacy/audit?nhsNumber=" + registered.nhsNumber(), officer);
            page(pages, sessions, "identity reviews (privacy.officer)", "/privacy/identity-reviews", officer);
            page(pages, sessions, "feed health (privacy.officer)", "/privacy/feeds", officer);

            System.out.printf("%n%-40s %10s %10s %9s %9s%n", "page", "HTML KB", "page KB", "p50 ms", "p95 ms");
            for (Map.Entry<String, String> page : pages.entrySet()) {
                PortalSession session = sessions.get(page.getValue());
                String html = session.get(page.getValue()).body();
                Set<String> linked = new LinkedHashSet<>();
                Matcher matcher = LINKED.matcher(html);
                while (matcher.find()) {
                    linked.add(matcher.group(1));
                }
                linked.add("/assets/images/nhsuk-icon-arrow-right-circle.svg");
                long htmlBytes = session.transferredBytes(page.getValue());
                long weight = htmlBytes;
                for (String asset : linked) {
                    weight += session.transferredBytes(asset);
                }
                long[] nanos = new long[REQUESTS];
                for (int i = 0; i < WARM_UP + REQUESTS; i++) {
                    long started = System.nanoTime();
                    int status = session.get(page.getValue()).statusCode();
                    if (status != 200) {
                        throw new IllegalStateException(page.getKey() + " answered " + status);
                    }
                    if (i >= WARM_UP) {
                        nanos[i - WARM_UP] = System.nanoTime() - started;
                    }
                }
                Arrays.sort(nanos);
                System.out.printf("%-40s %10.1f %10.1f %9.1f %9.1f%n", page.getKey(), htmlBytes / 1024.0,
                        weight / 1024.0, percentile(nanos, 50), percentile(nanos, 95));
            }
            System.out.println("(" + REQUESTS + " sequential requests per page after " + WARM_UP + " warm-up; "
                    + "page KB = the HTML plus every file it loads, gzip as transferred; database " + stack.database().server() + ")");
        }
    }

    private static void page(Map<String, String> pages, Map<String, PortalSession> sessions, String name,
            String path, PortalSession session) {
        pages.put(name, path);
        sessions.put(path, session);
    }

    static double percentile(long[] sorted, int percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }
}
