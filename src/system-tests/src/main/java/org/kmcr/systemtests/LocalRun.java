package org.kmcr.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.kmcr.systemtests.demo.AnalyticsDemoData;
import org.kmcr.systemtests.demo.DemoData;
import org.kmcr.systemtests.demo.DemoGuide;
import org.kmcr.systemtests.demo.DemoHl7;
import org.kmcr.systemtests.demo.DemoLoader;
import org.kmcr.systemtests.demo.DemoPerson;
import org.kmcr.systemtests.stack.DemoRegion;
import org.kmcr.systemtests.stack.Keycloak;
import org.kmcr.systemtests.stack.KmcrClient;
import org.kmcr.systemtests.stack.Stack;

/**
 * {@code ./mvnw verify -Prun}: the whole system on this machine with the demo region loaded, until Ctrl-C
 * (the stack's shutdown hook then stops the services, Keycloak and the database).
 */
public final class LocalRun {

    public static final int DEMO_PEOPLE = 40;
    public static final long DEMO_SEED = 20260101L;

    private LocalRun() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        System.out.println("Starting KMCR: PostgreSQL, Keycloak and the five services (a minute or two) ...");
        Stack stack = Stack.start("kmcr_demo");
        // one person more than is loaded: the one the printed curl command posts
        List<DemoPerson> people = DemoData.generate(DEMO_PEOPLE + 1, DEMO_SEED);
        List<DemoPerson> loaded = people.subList(0, DEMO_PEOPLE);
        DemoLoader.LoadSummary summary = DemoLoader.load(stack, new Keycloak(Stack.REALM_URL), new KmcrClient(),
                loaded);

        // population analytics: people across the region's districts with COVID-19 results (issue 13)
        AnalyticsDemoData.load(new Keycloak(Stack.REALM_URL), new KmcrClient(), AnalyticsDemoData.generate(
                AnalyticsDemoData.PEOPLE, DEMO_SEED, java.time.LocalDate.now(java.time.ZoneOffset.UTC)));

        // the printed example posts a partner's record, not the registration authority's demographics
        DemoPerson.Submission example = people.get(DEMO_PEOPLE).submissions().stream()
                .filter(submission -> !DemoRegion.PDS.equals(submission.senderClientId())).findFirst().orElseThrow();
        Path root = Path.of(System.getProperty("kmcr.root", "../..")).toAbsolutePath().normalize();
        Path exampleBundle = root.resolve("src/system-tests/target/demo/example-bundle.json");
        Files.createDirectories(exampleBundle.getParent());
        Files.writeString(exampleBundle, example.bundleJson());

        Path attackBundle = exampleBundle.resolveSibling("trust-names-itself-gp.json");
        Files.writeString(attackBundle, DemoData.trustNamingItselfTheCitizensGp());
        Path hl7Admission = exampleBundle.resolveSibling("hl7-admission.hl7");
        Files.writeString(hl7Admission, DemoHl7.admission());
        Keycloak keycloak = new Keycloak(Stack.REALM_URL);
        UUID citizen = new KmcrClient().personId(keycloak.clientCredentials("kmcr-record"),
                DemoRegion.CITIZEN_NHS_NUMBER);

        System.out.println(DemoGuide.text(loaded, summary, new DemoGuide.Files(exampleBundle,
                example.senderClientId(), attackBundle, citizen, hl7Admission)));
        System.out.println("==================================================================");
        System.out.println("  KMCR is running. Press Ctrl-C to stop everything.");
        System.out.println("==================================================================");
        new CountDownLatch(1).await();
    }
}
