package org.kmcr.systemtests;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kmcr.systemtests.SystemUnderTest.as;

import io.restassured.response.Response;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kmcr.common.testing.TestNhsNumbers;
import org.kmcr.systemtests.stack.DemoRegion;
import org.kmcr.systemtests.stack.ServiceSpec;

/** Step 1-2: a partner system posts FHIR bundles with its client credentials. */
class PartnerIngestTest {

    /** Ingest's default {@code kmcr.ingest.cache.partners} (the stack runs with the defaults). */
    static final Duration PARTNER_CACHE = Duration.ofSeconds(10);

    @Test
    void aPartnerPostsABundleAndPostingItAgainChangesNothing() {
        String token = SystemUnderTest.KEYCLOAK.clientCredentials(DemoRegion.GP_SYSTEM);
        String bundle = SystemUnderTest.summaryBundle(TestNhsNumbers.next(), DemoRegion.GP_PRACTICE);
        as(ServiceSpec.INGEST, token).contentType("application/fhir+json").body(bundle).post("/fhir/r4").then()
                .statusCode(200).body("type", equalTo("transaction-response"))
                .body("entry.response.status", equalTo(List.of("201 Created", "201 Created", "201 Created", "201 Created")));
        as(ServiceSpec.INGEST, token).contentType("application/fhir+json").body(bundle).post("/fhir/r4").then()
                .statusCode(200)
                .body("entry.response.status", equalTo(List.of("200 OK", "200 OK", "200 OK", "200 OK")))
                .body("entry.response.location", everyItem(org.hamcrest.Matchers.endsWith("/_history/1")));
    }

    @Test
    void aBadNhsNumberIsRejectedWithAClearMessage() {
        String bundle = SystemUnderTest.summaryBundle("9434765918", DemoRegion.GP_PRACTICE);
        as(ServiceSpec.INGEST, SystemUnderTest.KEYCLOAK.clientCredentials(DemoRegion.TRUST_PAS))
                .contentType("application/fhir+json").body(bundle).post("/fhir/r4").then()
                .statusCode(422).contentType("application/fhir+json")
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].diagnostics",
                        equalTo("NHS number fails the Modulus 11 check: the check digit (last digit) does not match"))
                .body("issue[0].expression[0]", equalTo("Bundle.entry[0].resource.identifier"));
    }

    @Test
    void anOrganisationWhoseAgreementIsWithdrawnCanNoLongerSendWithinThePartnerCacheTime() throws Exception {
        String privacyOfficer = SystemUnderTest.KEYCLOAK.login(DemoRegion.PRIVACY_OFFICER);
        DemoRegion.Partner trust = DemoRegion.PARTNERS.get(0);
        Map<String, Object> agreement = new HashMap<>(Map.of("name", trust.name(), "kind", trust.kind(),
                "agreementSignedOn", "2026-01-01"));
        agreement.put("withdrawnOn", LocalDate.now(ZoneId.of("Europe/London")).toString());
        as(ServiceSpec.CONSENT, privacyOfficer).contentType("application/json").body(agreement)
                .put("/api/sharing-partners/" + trust.odsCode()).then().statusCode(200);
        long withdrawn = System.nanoTime();
        try {
            String token = SystemUnderTest.KEYCLOAK.clientCredentials(DemoRegion.TRUST_PAS);
            Response answer = postSummary(token);
            // ingest trusts a partner it found in force for kmcr.ingest.cache.partners (10 s by default), no longer
            while (answer.statusCode() == 200) {
                long seconds = Duration.ofNanos(System.nanoTime() - withdrawn).toSeconds();
                assertTrue(seconds < PARTNER_CACHE.toSeconds() + 5, "still accepted " + seconds + " s after the "
                        + "withdrawal, beyond ingest's partner cache time of " + PARTNER_CACHE);
                Thread.sleep(500);
                answer = postSummary(token);
            }
            answer.then().statusCode(403)
                    .body("issue[0].diagnostics", startsWith(trust.odsCode() + " is not a sharing partner"));
            postSummary(token).then().statusCode(403); // a refusal is not forgotten by the next message
        } finally {
            agreement.remove("withdrawnOn");
            as(ServiceSpec.CONSENT, privacyOfficer).contentType("application/json").body(agreement)
                    .put("/api/sharing-partners/" + trust.odsCode()).then().statusCode(200);
        }
    }

    private static Response postSummary(String token) {
        return as(ServiceSpec.INGEST, token).contentType("application/fhir+json")
                .body(SystemUnderTest.summaryBundle(TestNhsNumbers.next(), DemoRegion.GP_PRACTICE)).post("/fhir/r4");
    }

    @Test
    void onlyPartnerSystemsWithAValidTokenMaySend() {
        String bundle = SystemUnderTest.summaryBundle(TestNhsNumbers.next(), DemoRegion.GP_PRACTICE);
        as(ServiceSpec.INGEST, null).contentType("application/fhir+json").body(bundle).post("/fhir/r4").then()
                .statusCode(401).body("resourceType", equalTo("OperationOutcome"));
        as(ServiceSpec.INGEST, SystemUnderTest.KEYCLOAK.login(DemoRegion.GP_CLINICIAN))
                .contentType("application/fhir+json").body(bundle).post("/fhir/r4").then().statusCode(403);
        as(ServiceSpec.INGEST, "not-a-token").contentType("application/fhir+json").body(bundle).post("/fhir/r4")
                .then().statusCode(401);
    }

    @Test
    void everyServiceRefusesCallsWithoutAToken() {
        as(ServiceSpec.IDENTITY, null).get("/api/persons?nhsNumber=9990000018").then().statusCode(401);
        as(ServiceSpec.CONSENT, null).get("/api/sharing-partners").then().statusCode(401);
        as(ServiceSpec.AUDIT, null).get("/api/audit-verification").then().statusCode(401)
                .contentType(startsWith("application/problem+json"));
        as(ServiceSpec.RECORD, null).get("/api/records/9990000018/summary").then().statusCode(401);
    }
}
