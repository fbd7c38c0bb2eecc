package org.kmcr.systemtests.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kmcr.systemtests.demo.DemoData;
import org.kmcr.systemtests.demo.DemoLoader;
import org.kmcr.systemtests.demo.DemoPerson;
import org.kmcr.systemtests.stack.DemoRegion;
import org.kmcr.systemtests.stack.Keycloak;
import org.kmcr.systemtests.stack.KmcrClient;
import org.kmcr.systemtests.stack.ServiceSpec;
import org.kmcr.systemtests.stack.Stack;

/**
 * {@code ./mvnw verify -Pbench}: the vertical slice on this machine, measured. Start-up time and memory of each
 * process; ingest of generated people, one bundle at a time; then the GP reading summaries (consent and
 * synchronous audit in the path) as JSON and as FHIR, by a few concurrent virtual users. Localhost only, a
 * bounded number of requests. Prints a markdown report and writes it to src/system-tests/target/benchmarks.md.
 */
public final class SliceBenchmark {

    static final int PEOPLE = 200;
    static final long SEED = 20260101L;
    static final int INGEST_WARM_UP = 20;
    static final int VIRTUAL_USERS = 4;
    static final int READ_WARM_UP = 50;
    static final int READS = 500;
    static final String FHIR_JSON = "application/fhir+json";

    private SliceBenchmark() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("kmcr.root", "../..")).toAbsolutePath().normalize();
        List<DemoPerson> people = DemoData.generate(PEOPLE, SEED);
        BenchmarkReport report;
        long starting = System.nanoTime();
        try (Stack stack = Stack.start("kmcr_bench"); ReadLoad readLoad = new ReadLoad(VIRTUAL_USERS)) {
            double stackSeconds = (System.nanoTime() - starting) / 1e9;
            Map<String, Long> residentWhenReady = new LinkedHashMap<>();
            stack.processes().forEach(p -> residentWhenReady.put(p.name(), p.residentMemoryMiB()));
            Keycloak keycloak = new Keycloak(Stack.REALM_URL);

            DemoLoader.LoadSummary loaded = DemoLoader.load(stack, keycloak, new KmcrClient(), people);
            System.out.println("Loaded " + loaded);
            IngestFigures ingest = IngestFigures.of(loaded.posted(), INGEST_WARM_UP);

            List<DemoPerson> registeredAtFirstPractice = people.stream()
                    .filter(person -> DemoRegion.GP_PRACTICE.equals(person.gpPractice())).toList();
            Map<String, ReadLoad.Result> reads = new LinkedHashMap<>();
            reads.put("GET /api/records/{nhs}/summary", measure(readLoad, keycloak,
                    summaryUris(registeredAtFirstPractice), "application/json"));
            reads.put("GET /fhir/r4/Patient/$summary", measure(readLoad, keycloak,
                    fhirSummaryUris(registeredAtFirstPractice), FHIR_JSON));

            List<ProcessFootprint> processes = stack.processes().stream()
                    .map(p -> ProcessFootprint.of(p, residentWhenReady.get(p.name()))).toList();
            report = new BenchmarkReport(machine(stack))
                    .processes(stackSeconds, processes)
                    .ingest(PEOPLE, INGEST_WARM_UP, ingest)
                    .reads(String.format("summary reads by gp.clinician over %d people at K81001, %d virtual users "
                            + "(after %d warm-up requests)", registeredAtFirstPractice.size(), VIRTUAL_USERS,
                            READ_WARM_UP), reads);
        }
        Path file = root.resolve("src/system-tests/target/benchmarks.md");
        report.writeTo(file);
        System.out.println("\n" + report.markdown() + "\nWritten to " + file);
    }

    private static ReadLoad.Result measure(ReadLoad readLoad, Keycloak keycloak, List<URI> targets, String accept)
            throws InterruptedException {
        String token = keycloak.login(DemoRegion.GP_CLINICIAN);
        readLoad.run(targets, token, accept, READ_WARM_UP);
        return readLoad.run(targets, token, accept, READS);
    }

    private static List<URI> summaryUris(List<DemoPerson> people) {
        return people.stream().map(person -> URI.create(ServiceSpec.RECORD.url() + "/api/records/"
                + person.nhsNumber() + "/summary")).toList();
    }

    private static List<URI> fhirSummaryUris(List<DemoPerson> people) {
        return people.stream().map(person -> URI.create(ServiceSpec.RECORD.url()
                + "/fhir/r4/Patient/$summary?identifier=https://fhir.nhs.uk/Id/nhs-number%7C" + person.nhsNumber()))
                .toList();
    }

    private static String machine(Stack stack) {
        Runtime runtime = Runtime.getRuntime();
        return String.format("Machine: %d cores (shared), %s %s, Java %s; stack: PostgreSQL, Keycloak and five "
                + "services (-Xmx256m, SerialGC) on the same machine as the load.%nDatabase: %s.",
                runtime.availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch"),
                System.getProperty("java.version"), stack.database().server());
    }
}
