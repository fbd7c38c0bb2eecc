package org.kmcr.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import ca.uhn.fhir.context.FhirContext;
import io.quarkus.test.InjectMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
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
import org.kmcr.ingest.fhir.UkCoreValidator;

/**
 * Validation per feed: the feed configured for UK Core (application.properties, %test: partner-ukcore-gp) has its
 * bundles validated against the UK Core profiles with the HAPI validator, offline; the others structurally only.
 */
@QuarkusTest
@QuarkusTestResource(KmcrTestEnvironment.class)
class UkCoreValidationTest {

    static final String STRICT = TestTokens.partner("partner-ukcore-gp", "K81002");
    static final String STRUCTURAL = TestTokens.partner("partner-k81001-gp", "K81001");

    @InjectMock
    IdentityClient identity;
    @InjectMock
    ConsentClient consent;
    @InjectMock
    AuditClient audit;

    @Inject
    UkCoreValidator ukCore;
    @Inject
    FhirContext fhir;

    @BeforeEach
    void neighbours() {
        Neighbours.answer(identity, consent, audit);
    }

    /**
     * Loads the UK Core definitions and generates the profiles' snapshots before the first request (tens of seconds on
     * a loaded machine, longer than a test client waits); production does it at start-up with warm-up=true.
     */
    @BeforeEach
    void warmUp() {
        Bundle bundle = fhir.newJsonParser().parseResource(Bundle.class,
                TestBundles.summary(TestNhsNumbers.next(), TestBundles.newPatientId()));
        bundle.getEntry().forEach(entry -> ukCore.errors((Resource) entry.getResource(), "warm-up"));
    }

    /** An allergy whose clinical status is not a code of its required value set: R4 JSON, but not valid FHIR. */
    private static String badClinicalStatus() {
        return TestBundles.summary(TestNhsNumbers.next(), TestBundles.newPatientId())
                .replaceFirst("\"code\": \"active\"", "\"code\": \"bogus\"");
    }

    @Test
    void aConformingBundlePassesFullValidation() {
        given().auth().oauth2(STRICT).contentType("application/fhir+json")
                .body(TestBundles.summary(TestNhsNumbers.next(), TestBundles.newPatientId())).post("/fhir/r4").then()
                .statusCode(200).body("entry[0].response.status", startsWith("201"));
    }

    @Test
    void aUkCoreFeedRefusesWhatTheProfilesRefuseAndAStructuralFeedTakesIt() {
        given().auth().oauth2(STRICT).contentType("application/fhir+json").body(badClinicalStatus())
                .post("/fhir/r4").then().statusCode(422)
                .body("issue.expression.flatten()", hasItem(startsWith("Bundle.entry[1].resource.clinicalStatus")))
                .body("issue.diagnostics", hasItem(startsWith("UK Core: ")))
                .body("issue.diagnostics", hasItem(containsString("does not conform to UK Core")));
        given().auth().oauth2(STRUCTURAL).contentType("application/fhir+json").body(badClinicalStatus())
                .post("/fhir/r4").then().statusCode(200);
    }
}
