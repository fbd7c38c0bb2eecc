package org.kmcr.ingest.fhir;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.kmcr.common.testing.TestNhsNumbers;

/**
 * Validation cost per feed strictness (docs/benchmarks.md, "Ingest validation"): the same 61-resource transaction
 * bundles (a Patient and 20 each of AllergyIntolerance, MedicationStatement, Condition) read by {@link BundleReader}
 * (structural: strict R4 parsing and KMCR's rules) and then, for full validation, every resource against its UK Core
 * profile ({@link UkCoreValidator}); 4 threads, side by side in one run, after a warm-up. Validation only: no
 * database, no neighbours (the end-to-end rate is the ingest benchmark's). Skipped unless -Dkmcr.bench=true.
 */
@EnabledIfSystemProperty(named = "kmcr.bench", matches = "true")
class ValidationBenchmark {

    static final int THREADS = 4;

    @Test
    void structuralAgainstFullUkCoreValidation() throws Exception {
        FhirContext fhir = FhirContext.forR4();
        BundleReader reader = new BundleReader(fhir);
        UkCoreValidator ukCore = new UkCoreValidator(fhir);
        long loadStart = System.nanoTime();
        ukCore.warmUp();
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        int seconds = Integer.getInteger("kmcr.bench.seconds", 20);

        // the first bundles of each profile generate its snapshot (UK Core ships differentials): not part of the rate
        long firstStart = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            validate(reader, ukCore, i);
        }
        double firstSeconds = (System.nanoTime() - firstStart) / 1e9;
        run(reader, null, 5);
        run(reader, ukCore, 5);
        double[] structural = run(reader, null, seconds);
        double[] full = run(reader, ukCore, seconds);

        String report = String.format(Locale.ROOT, "| structural | %d | %.1f | %.0f |%n| full UK Core | %d | %.2f | %.1f |%n"
                        + "UK Core definitions loaded in %.1f s, the first 3 bundles (snapshots generated) in %.1f s; "
                        + "%d threads, %d s each, after a 5 s warm-up%n",
                (long) structural[0], structural[1], structural[1] * 61, (long) full[0], full[1], full[1] * 61,
                loadSeconds, firstSeconds, THREADS, seconds);
        System.out.println("| validation | bundles | bundles/s | resources/s |\n|---|---|---|---|\n" + report);
        Files.writeString(Path.of("target", "validation-benchmark.md"), report);
        assertTrue(structural[0] > 0 && full[0] > 0);
    }

    /** Bundles validated and bundles per second. */
    private static double[] run(BundleReader reader, UkCoreValidator ukCore, int seconds) throws Exception {
        AtomicLong done = new AtomicLong();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < THREADS; t++) {
            workers.add(pool.submit(() -> {
                while (System.nanoTime() < until) {
                    validate(reader, ukCore, done.get());
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new double[] {done.get(), done.get() / elapsed};
    }

    private static void validate(BundleReader reader, UkCoreValidator ukCoreOrNull, long n) {
        Submission submission = reader.read(bundle(TestNhsNumbers.next(), "bench-" + n));
        if (ukCoreOrNull != null) {
            for (int i = 0; i < submission.entries().size(); i++) {
                var errors = ukCoreOrNull.errors(submission.entries().get(i), "Bundle.entry[" + i + "].resource");
                if (!errors.isEmpty()) {
                    throw new IllegalStateException("the benchmark bundle does not conform: " + errors);
                }
            }
        }
    }

    /** A transaction bundle: the Patient and 20 each of AllergyIntolerance, MedicationStatement and Condition. */
    static String bundle(String nhsNumber, String patientId) {
        StringBuilder entries = new StringBuilder();
        entries.append(entry("Patient", patientId, """
                "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "%s"}],
                "name": [{"family": "Bench", "given": ["Ann"]}], "gender": "female", "birthDate": "1950-03-14"
                """.formatted(nhsNumber)));
        String subject = "{\"reference\": \"Patient/" + patientId + "\"}";
        for (int i = 0; i < 20; i++) {
            entries.append(',').append(entry("AllergyIntolerance", patientId + "-a" + i, """
                    "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "code": "active"}]},
                    "verificationStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification", "code": "confirmed"}]},
                    "code": {"coding": [{"system": "http://snomed.info/sct", "code": "91936005", "display": "Allergy to penicillin"}]},
                    "patient": %s, "recordedDate": "2020-01-0%d"
                    """.formatted(subject, 1 + i % 9)));
            entries.append(',').append(entry("MedicationStatement", patientId + "-m" + i, """
                    "status": "active",
                    "medicationCodeableConcept": {"coding": [{"system": "http://snomed.info/sct", "code": "322236009", "display": "Paracetamol 500mg tablets"}]},
                    "subject": %s, "dateAsserted": "2020-02-0%d"
                    """.formatted(subject, 1 + i % 9)));
            entries.append(',').append(entry("Condition", patientId + "-c" + i, """
                    "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "active"}]},
                    "code": {"coding": [{"system": "http://snomed.info/sct", "code": "38341003", "display": "Hypertension"}]},
                    "subject": %s, "recordedDate": "2019-03-0%d"
                    """.formatted(subject, 1 + i % 9)));
        }
        return "{\"resourceType\": \"Bundle\", \"type\": \"transaction\", \"entry\": [" + entries + "]}";
    }

    private static String entry(String type, String id, String body) {
        return "{\"fullUrl\": \"" + type + "/" + id + "\", \"resource\": {\"resourceType\": \"" + type + "\", \"id\": \""
                + id + "\", " + body + "}, \"request\": {\"method\": \"PUT\", \"url\": \"" + type + "/" + id + "\"}}";
    }
}
