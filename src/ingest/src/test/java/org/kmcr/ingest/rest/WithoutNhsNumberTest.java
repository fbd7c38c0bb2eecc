package org.kmcr.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.verify;

import io.quarkus.test.InjectMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kmcr.common.audit.AuditClient;
import org.kmcr.common.consent.ConsentClient;
import org.kmcr.common.identity.IdentityClient;
import org.kmcr.common.testing.KmcrTestEnvironment;
import org.kmcr.common.testing.TestNhsNumbers;
import org.kmcr.common.testing.TestTokens;
import org.kmcr.ingest.Neighbours;
import org.kmcr.ingest.TestBundles;

/**
 * A patient without an NHS number (an A&E arrival not yet traced, a new-born, an overseas visitor) is taken in and
 * matched by the MPI on demographics; an invalid NHS number is refused, never used.
 */
@QuarkusTest
@QuarkusTestResource(KmcrTestEnvironment.class)
class WithoutNhsNumberTest {

    static final String GP = TestTokens.partner("partner-k81001-gp", "K81001");
    static final String PAS = TestTokens.partner("partner-rkm-pas", "RKM");

    @InjectMock
    IdentityClient identity;
    @InjectMock
    ConsentClient consent;
    @InjectMock
    AuditClient audit;

    @BeforeEach
    void neighbours() {
        Neighbours.answer(identity, consent, audit);
    }

    private static String withoutNhsNumber(String patientId) {
        return TestBundles.summary("unused", patientId)
                .replace("{\"system\": \"https://fhir.nhs.uk/Id/nhs-number\", \"value\": \"unused\"},", "");
    }

    @Test
    void aFhirPatientWithoutNhsNumberIsMatchedOnDemographics() {
        String patientId = TestBundles.newPatientId();
        given().auth().oauth2(GP).contentType("application/fhir+json").body(withoutNhsNumber(patientId))
                .post("/fhir/r4").then().statusCode(200)
                .body("entry[0].response.status", startsWith("201"));
        verify(identity).resolve(argThat(p -> p.localId().equals(patientId) && p.nhsNumber() == null
                && "Jones".equals(p.demographics().family()) && "1950-03-14".equals(p.demographics().birthDate())));
    }

    @Test
    void withoutNhsNumberAFamilyNameAndBirthDateAreNeeded() {
        given().auth().oauth2(GP).contentType("application/fhir+json")
                .body(withoutNhsNumber(TestBundles.newPatientId()).replace("\"birthDate\": \"1950-03-14\",", ""))
                .post("/fhir/r4").then().statusCode(422)
                .body("issue.expression.flatten()", hasItem("Bundle.entry[0].resource.identifier"))
                .body("issue.diagnostics", hasItem(containsString("it needs at least a family name and a birth date "
                        + "(no birth date)")));
    }

    @Test
    void anHl7PatientWithoutNhsNumberIsTakenAndAnInvalidOneRefused() {
        String mrn = "M" + System.nanoTime();
        String message = "MSH|^~\\&|PAS|RKM|KMCR|KMCR|20260501100000||ADT^A08|nn-" + mrn + "|P|2.4\r"
                + "EVN|A08|20260501100000\rPID|1||" + mrn + "^^^RKM^MR||Unknown^Alex||19991231|U\r";
        String ack = given().auth().oauth2(PAS).body(message.getBytes(StandardCharsets.UTF_8))
                .post("/api/hl7v2/messages").then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(ack.contains("MSA|AA|nn-" + mrn), ack);
        verify(identity).resolve(argThat(p -> p.localId().equals(mrn) && p.nhsNumber() == null
                && "Unknown".equals(p.demographics().family())));

        String nhs = TestNhsNumbers.next();
        String invalid = TestBundles.withWrongCheckDigit(nhs);
        given().auth().oauth2(PAS).body(message.replace("nn-", "nx-").replace("^^^RKM^MR|", "^^^RKM^MR~" + invalid
                        + "^^^NHS^NH|").getBytes(StandardCharsets.UTF_8))
                .post("/api/hl7v2/messages").then().statusCode(422).body(containsString("MSA|AE|nx-"));
        given().auth().oauth2(PAS).body(message.replace("nn-", "ny-").replace("Unknown^Alex||19991231", "^Alex||")
                        .getBytes(StandardCharsets.UTF_8))
                .post("/api/hl7v2/messages").then().statusCode(422)
                .body(containsString("it needs at least a family name and a birth date"));
    }
}
