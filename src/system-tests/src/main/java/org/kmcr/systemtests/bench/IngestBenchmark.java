package org.kmcr.systemtests.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.kmcr.common.nhs.NhsNumber;
import org.kmcr.systemtests.stack.DemoRegion;
import org.kmcr.systemtests.stack.Keycloak;
import org.kmcr.systemtests.stack.KmcrClient;
import org.kmcr.systemtests.stack.ServiceSpec;
import org.kmcr.systemtests.stack.Stack;

/**
 * {@code ./mvnw verify -Pbench-ingest}: sustained ingest with identity resolution on, on the whole stack as the local
 * run starts it. 4 clients post 61-resource transaction bundles (Patient + 20 each of AllergyIntolerance,
 * MedicationStatement, Condition), each about a new patient; then the same bundles again (a re-send); new ones again;
 * new and re-sent ones interleaved (so both are measured under the same load); then 4 MLLP
 * connections send HL7 v2 messages (ADT^A01 and ORU^R01), each waiting for its ACK. Reports resources/s,
 * messages/s and p50/p99 latency; writes src/system-tests/target/ingest-benchmark.md.
 */
public final class IngestBenchmark {

    static final int CLIENTS = 4;
    static final int WARM_UP_BUNDLES = 5;
    static final int BUNDLES = Integer.getInteger("kmcr.bench.bundles", 50);
    static final int ITEMS_PER_TYPE = 20;
    static final int WARM_UP_MESSAGES = 50;
    static final int MESSAGES = Integer.getInteger("kmcr.bench.messages", 1000);

    private IngestBenchmark() {
    }

    record Run(String what, int operations, int unitsPerOperation, double seconds, LatencyStats latency) {
        double perSecond() {
            return operations * unitsPerOperation / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("kmcr.root", "../..")).toAbsolutePath().normalize();
        List<Run> runs = new ArrayList<>();
        String database;
        long outboxWaiting;
        try (Stack stack = Stack.start("kmcr_ingest_bench")) {
            database = stack.database().server().toString();
            Keycloak keycloak = new Keycloak(Stack.REALM_URL);
            new KmcrClient().registerPartners(keycloak.login(DemoRegion.PRIVACY_OFFICER));
            String token = keycloak.clientCredentials(DemoRegion.TRUST_PAS);
            Random random = new Random(20260601L);
            List<List<String>> warmUp = bundles(random, WARM_UP_BUNDLES);
            run("warm-up", warmUp, bundle -> post(token, bundle), 61);
            List<List<String>> bundles = bundles(random, BUNDLES);
            runs.add(run("FHIR: new 61-resource bundles", bundles, bundle -> post(token, bundle), 61));
            runs.add(run("FHIR: the same bundles re-sent", bundles, bundle -> post(token, bundle), 61));
            runs.add(run("FHIR: new bundles again (after the re-send)", bundles(random, BUNDLES),
                    bundle -> post(token, bundle), 61));
            runs.addAll(interleaved(bundles(random, BUNDLES), bundles, bundle -> post(token, bundle)));
            hl7(random, WARM_UP_MESSAGES);
            runs.addAll(hl7(random, MESSAGES));
            outboxWaiting = waitingInOutbox(stack);
        }
        String report = report(database, runs) + String.format("%nAudit events waiting in ingest's outbox when the "
                + "HL7 v2 run ended: %d (the relay sends at most kmcr.audit.outbox.batch-size per poll-interval)%n",
                outboxWaiting);
        Path file = root.resolve("src/system-tests/target/ingest-benchmark.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report);
        System.out.println("\n" + report + "\nWritten to " + file);
    }

    /** Each client sends its own list, one at a time; latency per operation. */
    static Run run(String what, List<List<String>> perClient, Function<String, Long> send, int units)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(perClient.size());
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        List<Future<?>> clients = new ArrayList<>();
        for (List<String> items : perClient) {
            clients.add(pool.submit(() -> items.forEach(item -> latencies.add(send.apply(item)))));
        }
        for (Future<?> client : clients) {
            client.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Run(what, latencies.size(), units, seconds, LatencyStats.ofNanos(latencies));
    }

    /** How many audit events ingest has stored but its relay has not yet delivered to audit. */
    static long waitingInOutbox(Stack stack) throws java.sql.SQLException {
        try (java.sql.Connection connection = stack.database().connectAs("postgres");
                java.sql.ResultSet rows = connection.createStatement().executeQuery(
                        "SELECT count(*) FROM ingest.audit_outbox")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * Each client alternates a new bundle and a re-send of one it sent before, so that new and re-sent bundles are
     * measured under the same load: the whole run, then each kind (its rate over the same wall-clock time).
     */
    static List<Run> interleaved(List<List<String>> fresh, List<List<String>> sent, Function<String, Long> send)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(fresh.size());
        List<Long> freshLatencies = Collections.synchronizedList(new ArrayList<>());
        List<Long> resentLatencies = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        List<Future<?>> clients = new ArrayList<>();
        for (int client = 0; client < fresh.size(); client++) {
            List<String> mine = fresh.get(client);
            List<String> again = sent.get(client);
            clients.add(pool.submit(() -> {
                for (int i = 0; i < mine.size(); i++) {
                    freshLatencies.add(send.apply(mine.get(i)));
                    resentLatencies.add(send.apply(again.get(i % again.size())));
                }
            }));
        }
        for (Future<?> client : clients) {
            client.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        List<Long> all = new ArrayList<>(freshLatencies);
        all.addAll(resentLatencies);
        return List.of(new Run("FHIR: new and re-sent bundles interleaved (all)", all.size(), 61, seconds,
                        LatencyStats.ofNanos(all)),
                new Run("... of which new (rate over the same time)", freshLatencies.size(), 61, seconds,
                        LatencyStats.ofNanos(freshLatencies)),
                new Run("... of which re-sent (rate over the same time)", resentLatencies.size(), 61, seconds,
                        LatencyStats.ofNanos(resentLatencies)));
    }

    static final HttpClient HTTP = HttpClient.newHttpClient();

    static long post(String token, String bundle) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(ServiceSpec.INGEST.url()
                            + "/fhir/r4")).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/fhir+json")
                    .POST(HttpRequest.BodyPublishers.ofString(bundle)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("bundle refused: " + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return System.nanoTime() - start;
    }

    static List<List<String>> bundles(Random random, int perClient) {
        List<List<String>> all = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            List<String> bundles = new ArrayList<>();
            for (int i = 0; i < perClient; i++) {
                bundles.add(bundle(nhsNumber(random), "bench-" + Long.toHexString(random.nextLong())));
            }
            all.add(bundles);
        }
        return all;
    }

    static String nhsNumber(Random random) {
        while (true) {
            String nine = String.format("%09d", random.nextInt(1_000_000_000));
            int check = NhsNumber.checkDigit(nine);
            if (check < 10) {
                return nine + check;
            }
        }
    }

    static String bundle(String nhsNumber, String patientId) {
        StringBuilder json = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[")
                .append("{\"fullUrl\":\"Patient/").append(patientId).append("\",\"resource\":{\"resourceType\":")
                .append("\"Patient\",\"id\":\"").append(patientId).append("\",\"identifier\":[{\"system\":")
                .append("\"https://fhir.nhs.uk/Id/nhs-number\",\"value\":\"").append(nhsNumber).append("\"}],")
                .append("\"name\":[{\"family\":\"Bench\",\"given\":[\"Mark\"]}],\"gender\":\"male\",")
                .append("\"birthDate\":\"1970-01-01\",\"address\":[{\"line\":[\"1 Bench Street\"],\"city\":")
                .append("\"Kingsmere\",\"postalCode\":\"KM1 1AA\"}]},\"request\":{\"method\":\"PUT\",\"url\":")
                .append("\"Patient/").append(patientId).append("\"}}");
        String subject = "{\"reference\":\"Patient/" + patientId + "\"}";
        for (int i = 0; i < ITEMS_PER_TYPE; i++) {
            json.append(",{\"resource\":{\"resourceType\":\"AllergyIntolerance\",\"id\":\"").append(patientId)
                    .append("-a").append(i).append("\",\"patient\":").append(subject).append(",\"code\":{\"coding\":")
                    .append("[{\"system\":\"http://snomed.info/sct\",\"code\":\"91936005\",\"display\":\"Allergy ")
                    .append(i).append("\"}]},\"recordedDate\":\"2020-01-01\"}}");
            json.append(",{\"resource\":{\"resourceType\":\"MedicationStatement\",\"id\":\"").append(patientId)
                    .append("-m").append(i).append("\",\"status\":\"active\",\"subject\":").append(subject)
                    .append(",\"medicationCodeableConcept\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",")
                    .append("\"code\":\"322236009\",\"display\":\"Medication ").append(i).append("\"}]},")
                    .append("\"dateAsserted\":\"2020-01-01\"}}");
            json.append(",{\"resource\":{\"resourceType\":\"Condition\",\"id\":\"").append(patientId)
                    .append("-c").append(i).append("\",\"subject\":").append(subject).append(",\"code\":{\"coding\":")
                    .append("[{\"system\":\"http://snomed.info/sct\",\"code\":\"44054006\",\"display\":\"Condition ")
                    .append(i).append("\"}]},\"recordedDate\":\"2020-01-01\"}}");
        }
        return json.append("]}").toString();
    }

    /** 4 MLLP connections, each sending its messages one at a time and waiting for each ACK. */
    static List<Run> hl7(Random random, int perClient) throws Exception {
        List<List<String>> messages = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            List<String> list = new ArrayList<>();
            String nhs = nhsNumber(random);
            String mrn = "MRN" + Long.toHexString(random.nextLong());
            for (int i = 0; i < perClient; i++) {
                if (i % 10 == 0) {
                    nhs = nhsNumber(random);
                    mrn = "MRN" + Long.toHexString(random.nextLong());
                }
                list.add(i % 10 == 0 ? admission(mrn, nhs, mrn + "-" + i) : result(mrn, nhs, mrn + "-" + i));
            }
            messages.add(list);
        }
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Long> admissions = Collections.synchronizedList(new ArrayList<>());
        List<Long> results = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        List<Future<?>> clients = new ArrayList<>();
        for (List<String> list : messages) {
            clients.add(pool.submit(() -> {
                try (Socket socket = new Socket("localhost", Stack.MLLP_PORT)) {
                    socket.setTcpNoDelay(true);
                    OutputStream out = socket.getOutputStream();
                    InputStream in = socket.getInputStream();
                    for (String message : list) {
                        long sent = System.nanoTime();
                        out.write(frame(message));
                        out.flush();
                        String ack = readAck(in);
                        long latency = System.nanoTime() - sent;
                        latencies.add(latency);
                        (message.contains("|ADT^A01|") ? admissions : results).add(latency);
                        if (!ack.contains("MSA|AA|")) {
                            throw new IllegalStateException("not accepted: " + ack);
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        }
        for (Future<?> client : clients) {
            client.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return List.of(new Run("HL7 v2 over MLLP (1 ADT^A01 : 9 ORU^R01 with 5 OBX)", latencies.size(), 1, seconds,
                        LatencyStats.ofNanos(latencies)),
                new Run("... of which ADT^A01 (rate over the same time)", admissions.size(), 1, seconds,
                        LatencyStats.ofNanos(admissions)),
                new Run("... of which ORU^R01 (rate over the same time)", results.size(), 1, seconds,
                        LatencyStats.ofNanos(results)));
    }

    static byte[] frame(String message) {
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        byte[] framed = new byte[body.length + 3];
        framed[0] = 0x0B;
        System.arraycopy(body, 0, framed, 1, body.length);
        framed[body.length + 1] = 0x1C;
        framed[body.length + 2] = 0x0D;
        return framed;
    }

    static String readAck(InputStream in) throws IOException {
        ByteArrayOutputStream ack = new ByteArrayOutputStream();
        for (int b = in.read(); b != 0x1C; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed");
            }
            ack.write(b);
        }
        in.read(); // the CR after 0x1C
        return ack.toString(StandardCharsets.UTF_8);
    }

    static String pid(String mrn, String nhs) {
        return "PID|1||" + mrn + "^^^RKM^MR~" + nhs + "^^^NHS^NH||Bench^Mark||19700101|M|||1 Bench Street^^Kingsmere^^"
                + "KM1 1AA^GBR^H";
    }

    static String admission(String mrn, String nhs, String control) {
        return "MSH|^~\\&|PAS|RKM|KMCR|KMCR|20260601100000||ADT^A01|" + control + "|P|2.4\rEVN|A01|20260601100000\r"
                + pid(mrn, nhs) + "\rPV1|1|I|Ward 1^Room 1^Bed 1^Kingsmere General||||||||||||||||" + mrn + "-V\r";
    }

    static String result(String mrn, String nhs, String control) {
        StringBuilder message = new StringBuilder("MSH|^~\\&|LAB|RKM|KMCR|KMCR|20260601110000||ORU^R01|" + control
                + "|P|2.4\r" + pid(mrn, nhs) + "\rOBR|1|" + control + "|" + control
                + "|us-0003^UREA AND ELECTROLYTES^WinPath||20260601110000|20260601110000||||||||||||||20260601110000"
                + "|||F\r");
        String[] tests = {"Creatinine", "Sodium", "Potassium", "eGFR", "Urea"};
        for (int i = 0; i < tests.length; i++) {
            message.append("OBX|").append(i + 1).append("|NM|tt-0003-0").append(i + 1).append('^').append(tests[i])
                    .append("^WinPath||").append(50 + i).append("|UMOLL|49 - 92|").append(i == 0 ? "H" : "")
                    .append("|||F\r");
        }
        return message.toString();
    }

    static String report(String database, List<Run> runs) {
        StringBuilder out = new StringBuilder("## Ingest benchmark\n\n").append(String.format(
                "Machine: %d cores (shared), Java %s; the whole stack (Keycloak, five services -Xmx256m SerialGC) and "
                        + "the load on the same machine. Database: %s.%n%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), database))
                .append("| run | operations | per second | unit | p50 ms | p99 ms | max ms |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (Run run : runs) {
            out.append(String.format("| %s | %d | %.0f | %s | %.1f | %.1f | %.1f |%n", run.what(), run.operations(),
                    run.perSecond(), run.unitsPerOperation() == 1 ? "messages" : "resources", run.latency().p50(),
                    run.latency().p99(), run.latency().max()));
        }
        Run fresh = runs.stream().filter(run -> run.what().startsWith("... of which new")).findFirst().orElseThrow();
        Run resent = runs.stream().filter(run -> run.what().startsWith("... of which re-sent")).findFirst()
                .orElseThrow();
        out.append(String.format("%nInterleaved, re-sent / new: p50 %.2f, p99 %.2f (below 1: a re-send is faster)%n",
                resent.latency().p50() / fresh.latency().p50(), resent.latency().p99() / fresh.latency().p99()));
        return out.toString();
    }
}
