package org.kmcr.systemtests.bench;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.kmcr.systemtests.LocalRun;
import org.kmcr.systemtests.demo.AnalyticsDemoData;
import org.kmcr.systemtests.demo.DemoData;
import org.kmcr.systemtests.demo.DemoLoader;
import org.kmcr.systemtests.demo.DemoPerson;
import org.kmcr.systemtests.stack.DemoRegion;
import org.kmcr.systemtests.stack.Keycloak;
import org.kmcr.systemtests.stack.KmcrClient;
import org.kmcr.systemtests.stack.Stack;

/**
 * The portal's pages on the demo data (the local run's: its 40 people and the analytics population): the weight of
 * each page (the HTML and everything it loads, as transferred, gzip) and the time to answer it, p50 and p95 over
 * sequential requests after a warm-up, measured from a client on the same machine (so it includes the portal's
 * calls to record, consent, identity, audit and ingest, and their audit writes).
 * {@code ./mvnw verify -Pbench -Dkmcr.bench.main=org.kmcr.systemtests.bench.PortalBenchmark}
 */
public final class PortalBenchmark {

    static final int WARM_UP = 20;
    static final int REQUESTS = Integer.getInteger("kmcr.bench.requests", 200);
    private static final FhirContext FHIR = FhirContext.forR4();
    private static final Pattern LINKED = Pattern.compile("(?:href|src)=\"(/[^\"]+\\.(?:css|js|ico|svg|png))\"");

    /** One page measured: what it is, its path, who asks for it and the status it answers with. */
    record Page(String name, String path, PortalSession session, int status) {
    }

    private PortalBenchmark() {
    }

    public static void main(String[] args) {
        try (Stack stack = Stack.start("kmcr_bench_portal")) {
            List<DemoPerson> people = DemoData.generate(LocalRun.DEMO_PEOPLE, LocalRun.DEMO_SEED);
            Keycloak keycloak = new Keycloak(Stack.REALM_URL);
            DemoLoader.load(stack, keycloak, new KmcrClient(), people);
            AnalyticsDemoData.load(keycloak, new KmcrClient(), AnalyticsDemoData.generate(AnalyticsDemoData.PEOPLE,
                    LocalRun.DEMO_SEED, LocalDate.now(ZoneOffset.UTC)));
            DemoPerson registered = person(people, p -> DemoRegion.GP_PRACTICE.equals(p.gpPractice()));
            // the demo people have no test results: the GP's record of the registered person gains a repeated test
            String gpRecord = registered.submissions().stream()
                    .filter(s -> DemoRegion.GP_SYSTEM.equals(s.senderClientId())).findFirst().orElseThrow().bundleJson();
            HttpResponse<String> stored = new KmcrClient().postBundle(keycloak.clientCredentials(DemoRegion.GP_SYSTEM),
                    withRepeatedResults(gpRecord, LocalDate.now(ZoneOffset.UTC)));
            if (stored.statusCode() != 200) {
                throw new IllegalStateException("Ingest refused the results (" + stored.statusCode() + "): "
                        + stored.body());
            }
            // and a person the hospital has never seen (no relationship): past the first six (the demo's care team
            // and allocations), none of whose records came from the trust
            DemoPerson notAtTheHospital = person(people.subList(6, people.size()), p -> p.submissions().stream()
                    .noneMatch(s -> DemoRegion.TRUST_PAS.equals(s.senderClientId())));

            PortalSession gp = PortalSession.signIn(DemoRegion.GP_CLINICIAN);
            PortalSession hospital = PortalSession.signIn(DemoRegion.HOSPITAL_CLINICIAN);
            PortalSession citizen = PortalSession.signIn(DemoRegion.CITIZEN);
            PortalSession officer = PortalSession.signIn(DemoRegion.PRIVACY_OFFICER);
            PortalSession analyst = PortalSession.signIn(DemoRegion.ANALYST);
            PortalSession operator = PortalSession.signIn(DemoRegion.PLATFORM_OPERATOR);
            String record = "/records/" + registered.nhsNumber();
            List<Page> pages = new ArrayList<>(List.of(
                    new Page("find a person (gp.clinician)", "/find", gp, 200),
                    new Page("record summary (gp.clinician)", record, gp, 200),
                    new Page("timeline (gp.clinician)", record + "/timeline", gp, 200),
                    new Page("test results (gp.clinician)", record + "/results", gp, 200),
                    new Page("no relationship (hospital.clinician)", "/records/" + notAtTheHospital.nhsNumber(),
                            hospital, 403),
                    new Page("my record (citizen)", "/my-record", citizen, 200),
                    new Page("who has looked at my record (citizen)", "/my-record/accesses", citizen, 200),
                    new Page("access reviews (privacy.officer)", "/privacy/reviews", officer, 200),
                    new Page("my requests (citizen)", "/my-record/requests", citizen, 200),
                    new Page("correction requests (gp.clinician)", "/corrections", gp, 200),
                    new Page("requests to decide (privacy.officer)", "/privacy/requests", officer, 200),
                    new Page("audit search (privacy.officer)", "/privacy/audit?nhsNumber=" + registered.nhsNumber(),
                            officer, 200),
                    new Page("identity reviews (privacy.officer)", "/privacy/identity-reviews", officer, 200),
                    new Page("feed health (privacy.officer)", "/feeds", officer, 200),
                    new Page("feed health, dead letters (platform.operator)", "/feeds", operator, 200),
                    new Page("population analytics (analyst)", "/analytics", analyst, 200)));

            System.out.printf("%n%-46s %10s %10s %9s %9s%n", "page", "HTML KB", "page KB", "p50 ms", "p95 ms");
            for (Page page : pages) {
                measure(page);
            }
            System.out.println("(" + REQUESTS + " sequential requests per page after " + WARM_UP + " warm-up; "
                    + "page KB = the HTML plus every file it loads, gzip as transferred; database "
                    + stack.database().server() + ")");
        }
    }

    private static void measure(Page page) {
        String html = page.session().get(page.path()).body();
        Set<String> linked = new LinkedHashSet<>();
        Matcher matcher = LINKED.matcher(html);
        while (matcher.find()) {
            linked.add(matcher.group(1));
        }
        linked.add("/assets/images/nhsuk-icon-arrow-right-circle.svg");
        long htmlBytes = page.session().transferredBytes(page.path());
        long weight = htmlBytes;
        for (String asset : linked) {
            weight += page.session().transferredBytes(asset);
        }
        long[] nanos = new long[REQUESTS];
        for (int i = 0; i < WARM_UP + REQUESTS; i++) {
            long started = System.nanoTime();
            int status = page.session().get(page.path()).statusCode();
            if (status != page.status()) {
                throw new IllegalStateException(page.name() + " answered " + status + ", not " + page.status());
            }
            if (i >= WARM_UP) {
                nanos[i - WARM_UP] = System.nanoTime() - started;
            }
        }
        Arrays.sort(nanos);
        System.out.printf("%-46s %10.1f %10.1f %9.1f %9.1f%n", page.name(), htmlBytes / 1024.0, weight / 1024.0,
                percentile(nanos, 50), percentile(nanos, 95));
    }

    /** The bundle with six serum potassium results a month apart, each with its reference range (3.5-5.3). */
    static String withRepeatedResults(String bundleJson, LocalDate today) {
        IParser json = FHIR.newJsonParser();
        Bundle bundle = json.parseResource(Bundle.class, bundleJson);
        String patientId = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(Patient.class::isInstance).findFirst().orElseThrow().getIdElement().getIdPart();
        double[] values = {3.9, 4.4, 5.6, 5.1, 3.3, 4.2};
        for (int i = 0; i < values.length; i++) {
            Observation result = new Observation();
            String id = patientId + "-k" + i;
            result.setId(id);
            result.setStatus(Observation.ObservationStatus.FINAL);
            result.addCategory(new CodeableConcept().addCoding(new Coding(
                    "http://terminology.hl7.org/CodeSystem/observation-category", "laboratory", "Laboratory")));
            result.setCode(new CodeableConcept().addCoding(new Coding("http://snomed.info/sct", "1000651000000109",
                    "Serum potassium level")));
            result.setSubject(new Reference("Patient/" + patientId));
            result.setEffective(new DateTimeType(today.minusMonths(values.length - i).toString()));
            result.setValue(mmolPerLitre(values[i]));
            result.addReferenceRange().setLow(mmolPerLitre(3.5)).setHigh(mmolPerLitre(5.3)).setText("3.5-5.3");
            String url = "Observation/" + id;
            bundle.addEntry().setFullUrl(url).setResource(result).getRequest().setMethod(Bundle.HTTPVerb.PUT)
                    .setUrl(url);
        }
        return json.encodeResourceToString(bundle);
    }

    private static Quantity mmolPerLitre(double value) {
        return new Quantity().setValue(value).setUnit("mmol/L").setSystem("http://unitsofmeasure.org")
                .setCode("mmol/L");
    }

    private static DemoPerson person(List<DemoPerson> people, Predicate<DemoPerson> wanted) {
        return people.stream().filter(wanted).findFirst()
                .orElseThrow(() -> new IllegalStateException("The demo data has no such person for a page"));
    }

    static double percentile(long[] sorted, int percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }
}
