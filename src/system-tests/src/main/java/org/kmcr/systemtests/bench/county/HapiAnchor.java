package org.kmcr.systemtests.bench.county;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kmcr.common.testing.PostgresDatabase;
import org.kmcr.systemtests.bench.ReadLoad;
import org.kmcr.systemtests.stack.DemoRegion;
import org.kmcr.systemtests.stack.Keycloak;
import org.kmcr.systemtests.stack.Stack;

/**
 * The anchor: the HAPI FHIR JPA server (hapifhir/hapi-fhir-jpaserver-starter, built by the operator, never part of
 * KMCR; its executable war given as {@code -Dkmcr.hapi.jar}) on its own database on the same PostgreSQL server,
 * holding a subset of the same people (HAPI ingests through its FHIR API, far slower than COPY: each person's items
 * as transaction bundles of client-assigned ids). Then {@code Patient/{id}/$everything} (its first page) for those
 * people and KMCR's reads of the same people, side by side, with the same driver and the same clients. HAPI runs
 * without authentication, consent or audit: what it does per read is less than what KMCR does.
 */
final class HapiAnchor {

    static final int PORT = 8090;
    static final int BUNDLE_ENTRIES = 500;

    private final Path jar;
    private final PostgresDatabase kmcrDatabase;
    private final CountyReport report;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    HapiAnchor(Path jar, PostgresDatabase kmcrDatabase, CountyReport report) {
        this.jar = jar;
        this.kmcrDatabase = kmcrDatabase;
        this.report = report;
    }

    void run(List<CountyPerson> sample, CountyPopulation county, long seed) throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No HAPI FHIR JPA server at " + jar + " (-Dkmcr.hapi.jar): see "
                    + "docs/benchmarks.md, County scale, for how to build it");
        }
        int persons = Integer.getInteger("kmcr.hapi.persons", 200);
        int reads = Integer.getInteger("kmcr.hapi.reads", 1000);
        List<CountyPerson> subset = sample.subList(0, Math.min(persons, sample.size()));
        String name = "kmcr_hapi_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = kmcrDatabase.connectAs("postgres"); Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        Process hapi = null;
        try {
            long starting = System.nanoTime();
            hapi = start(name);
            awaitReady(hapi);
            report.step("HAPI FHIR JPA server started (own database " + name.substring(0, 10) + "..., same server)",
                    (System.nanoTime() - starting) / 1e9);
            long loading = System.nanoTime();
            long resources = 0;
            for (CountyPerson person : subset) {
                resources += load(person, seed);
            }
            double seconds = (System.nanoTime() - loading) / 1e9;
            report.step(String.format("HAPI: %d persons, %,d resources loaded through its FHIR API (%.0f resources/s)",
                    subset.size(), resources, resources / seconds), seconds);
            measure(subset, reads);
        } finally {
            if (hapi != null) {
                hapi.destroy();
                hapi.waitFor();
            }
            try (Connection admin = kmcrDatabase.connectAs("postgres"); Statement st = admin.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }

    private void measure(List<CountyPerson> subset, int reads) throws InterruptedException {
        Keycloak keycloak = new Keycloak(Stack.REALM_URL);
        Map<String, ReadRequest> kmcr = new LinkedHashMap<>();
        ReadRequest.ALL.forEach(r -> kmcr.put(r.name(), r));
        ReadRequest everything = new ReadRequest("GET /fhir/Patient/{id}/$everything",
                p -> URI.create("http://localhost:" + PORT + "/fhir/Patient/pat-" + p.index() + "/$everything"),
                ReadRequest.FHIR_JSON);
        for (int clients : CountyBenchmark.CLIENTS) {
            try (ReadLoad driver = new ReadLoad(clients)) {
                Map<String, ReadLoad.Result> here = new LinkedHashMap<>();
                for (ReadRequest read : kmcr.values()) {
                    String token = keycloak.login(DemoRegion.GP_CLINICIAN);
                    driver.run(i -> CountyBenchmark.get(read, subset.get(i % subset.size()), token), 100);
                    driver.takeAnsweredChars();
                    ReadLoad.Result p = driver.run(i -> CountyBenchmark.get(read, subset.get(i % subset.size()), token),
                            reads);
                    report.read("same " + subset.size() + " people: KMCR " + read.name(), clients, p,
                            driver.takeAnsweredChars() / (double) reads);
                    here.put(read.name(), p);
                }
                driver.run(i -> CountyBenchmark.get(everything, subset.get(i % subset.size()), "none"), 100);
                driver.takeAnsweredChars();
                ReadLoad.Result h = driver.run(i -> CountyBenchmark.get(everything, subset.get(i % subset.size()), "none"),
                        reads);
                report.read("same " + subset.size() + " people: HAPI " + everything.name(), clients, h,
                        driver.takeAnsweredChars() / (double) reads);
                here.forEach((name, p) -> report.line(String.format("%d clients: HAPI $everything / KMCR %s: p50 %.2fx, "
                        + "p99 %.2fx, throughput KMCR/HAPI %.2fx", clients, name, h.latency().p50() / p.latency().p50(), h.latency().p99() / p.latency().p99(),
                        p.perSecond() / h.perSecond())));
            }
        }
    }

    private long load(CountyPerson person, long seed) throws IOException, InterruptedException {
        StringBuilder rows = new StringBuilder();
        new CareItemRows().append(person, seed, rows);
        Map<String, String> resources = new LinkedHashMap<>();
        for (String row : rows.toString().split("\n")) {
            String[] columns = row.split("\t", -1);
            resources.putIfAbsent(columns[3] + "/" + columns[12], columns[19]);
        }
        List<Map.Entry<String, String>> all = new ArrayList<>(resources.entrySet());
        for (int from = 0; from < all.size(); from += BUNDLE_ENTRIES) {
            StringBuilder bundle = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[");
            List<Map.Entry<String, String>> chunk = all.subList(from, Math.min(all.size(), from + BUNDLE_ENTRIES));
            for (int i = 0; i < chunk.size(); i++) {
                bundle.append(i == 0 ? "" : ",").append("{\"resource\":").append(chunk.get(i).getValue())
                        .append(",\"request\":{\"method\":\"PUT\",\"url\":\"").append(chunk.get(i).getKey()).append("\"}}");
            }
            bundle.append("]}");
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + PORT
                    + "/fhir")).timeout(Duration.ofMinutes(5)).header("Content-Type", ReadRequest.FHIR_JSON)
                    .POST(HttpRequest.BodyPublishers.ofString(bundle.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HAPI refused a transaction of person " + person.index() + ": "
                        + response.statusCode() + " " + response.body().substring(0, Math.min(600,
                                response.body().length())));
            }
        }
        return resources.size();
    }

    private Process start(String databaseName) throws IOException {
        Path log = Path.of(System.getProperty("kmcr.root", "../..")).toAbsolutePath().normalize()
                .resolve("src/system-tests/target/stack-logs/hapi.log");
        Files.createDirectories(log.getParent());
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-jar", jar.toString(), "--server.port=" + PORT,
                "--spring.datasource.url=jdbc:postgresql://" + kmcrDatabase.host() + ":" + kmcrDatabase.port() + "/"
                        + databaseName,
                "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--spring.datasource.driver-class-name=org.postgresql.Driver",
                "--spring.jpa.properties.hibernate.dialect=ca.uhn.fhir.jpa.model.dialect.HapiFhirPostgresDialect",
                "--hapi.fhir.fhir_version=R4");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private void awaitReady(Process hapi) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(6).toNanos();
        while (System.nanoTime() < deadline) {
            if (!hapi.isAlive()) {
                throw new IllegalStateException("HAPI FHIR stopped while starting; see target/stack-logs/hapi.log");
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + PORT
                        + "/fhir/metadata")).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(2000);
        }
        throw new IllegalStateException("HAPI FHIR did not answer /fhir/metadata within 6 minutes");
    }
}
