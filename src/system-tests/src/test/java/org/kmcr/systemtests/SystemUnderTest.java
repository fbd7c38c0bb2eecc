package org.kmcr.systemtests;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.kmcr.systemtests.stack.DemoRegion;
import org.kmcr.systemtests.stack.Keycloak;
import org.kmcr.systemtests.stack.KmcrClient;
import org.kmcr.systemtests.stack.ServiceSpec;
import org.kmcr.systemtests.stack.Stack;

/**
 * The one running system shared by every end-to-end test in this JVM: started on first use, stopped when
 * the JVM exits. The demo region's sharing partners are registered once, by the privacy officer.
 */
final class SystemUnderTest {

    static final Stack STACK = Stack.start("kmcr_e2e");
    static final Keycloak KEYCLOAK = new Keycloak(Stack.REALM_URL);
    static final KmcrClient CLIENT = new KmcrClient();

    static {
        CLIENT.registerPartners(KEYCLOAK.login(DemoRegion.PRIVACY_OFFICER));
    }

    private SystemUnderTest() {
    }

    /** A request to a service's management interface (health, metrics, OpenAPI), which takes no token. */
    static RequestSpecification management(ServiceSpec service) {
        return RestAssured.given().baseUri(service.managementUrl());
    }

    static RequestSpecification as(ServiceSpec service, String token) {
        RequestSpecification request = RestAssured.given().baseUri(service.url());
        return token == null ? request : request.auth().oauth2(token);
    }

    /** A summary bundle (Patient, allergy, medication, condition) for a patient registered at a GP practice. */
    static String summaryBundle(String nhsNumber, String gpPractice) {
        return summaryBundle(nhsNumber, gpPractice, newPatientId());
    }

    /** A new local patient id, as a partner's system gives one. */
    static String newPatientId() {
        return "pas-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The summary bundle for the patient with this local id in the sender's system. */
    static String summaryBundle(String nhsNumber, String gpPractice, String patientId) {
        try (InputStream in = SystemUnderTest.class.getResourceAsStream("/summary-bundle.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${nhsNumber}", nhsNumber)
                    .replace("${patientId}", patientId).replace("${gpPractice}", gpPractice);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Posts a bundle as a partner system and insists it was accepted. */
    static void ingest(String partnerClient, String bundle) {
        var response = CLIENT.postBundle(KEYCLOAK.clientCredentials(partnerClient), bundle);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Ingest answered " + response.statusCode() + ": " + response.body());
        }
    }
}
