package org.kmcr.systemtests;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.kmcr.systemtests.SystemUnderTest.CLIENT;
import static org.kmcr.systemtests.SystemUnderTest.KEYCLOAK;
import static org.kmcr.systemtests.SystemUnderTest.as;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kmcr.common.testing.TestNhsNumbers;
import org.kmcr.systemtests.stack.DemoRegion;
import org.kmcr.systemtests.stack.ServiceSpec;

/**
 * Issue 5, item 5: decisions fail closed and have no hidden side effects. A decision asked twice queues no review;
 * a review exists once per disclosure; a self-claim alerts as break glass does; a bundle that ends as a dead
 * letter leaves no relationship or link behind.
 */
class DecisionSideEffectsAttackTest {

    static final String REASON = "Collapsed in the car park, no history available";

    static Map<String, Object> caller(String userId, String orgCode) {
        return Map.of("userId", userId, "displayName", "Tom Reed", "roles", List.of("clinician"), "orgCode", orgCode);
    }

    @Test
    void askingForABreakGlassDecisionTwiceQueuesNoReviewAndReportingADisclosureTwiceQueuesOne() {
        String nhsNumber = TestNhsNumbers.next();
        SystemUnderTest.ingest(DemoRegion.GP_SYSTEM, SystemUnderTest.summaryBundle(nhsNumber, DemoRegion.GP_PRACTICE));
        String record = KEYCLOAK.clientCredentials("kmcr-record");
        UUID person = CLIENT.personId(record, nhsNumber);
        String userId = "retry-" + UUID.randomUUID();
        Map<String, Object> decision = Map.of("personId", person, "nhsNumber", nhsNumber, "action", "summary",
                "caller", caller(userId, DemoRegion.TRUST), "breakGlass", Map.of("reason", "emergency-care", "text",
                        REASON));
        for (int attempt = 0; attempt < 2; attempt++) {
            as(ServiceSpec.CONSENT, record).contentType("application/json").body(decision)
                    .post("/api/access-decisions").then().statusCode(200).body("effect", equalTo("permit"))
                    .body("obligations", equalTo(List.of("audit-disclosure", "alert-privacy-officer")));
        }
        String privacyOfficer = KEYCLOAK.login(DemoRegion.PRIVACY_OFFICER);
        as(ServiceSpec.CONSENT, privacyOfficer).get("/api/break-glass-reviews?size=500").then().statusCode(200)
                .body("userId", not(hasItem(userId)));

        UUID auditEvent = UUID.randomUUID();
        Map<String, Object> alert = Map.of("auditEventId", auditEvent, "personId", person, "nhsNumber", nhsNumber,
                "caller", caller(userId, DemoRegion.TRUST), "basis", "break-glass", "reason", REASON);
        for (int attempt = 0; attempt < 2; attempt++) {
            as(ServiceSpec.CONSENT, record).contentType("application/json").body(alert).post("/api/privacy-alerts")
                    .then().statusCode(204);
        }
        as(ServiceSpec.CONSENT, privacyOfficer).get("/api/break-glass-reviews?size=500").then().statusCode(200)
                .body("findAll { it.userId == '" + userId + "' }", hasSize(1));
    }

    @Test
    void aSelfClaimedRelationshipAlertsAPrivacyOfficerOnEveryAccess() {
        String nhsNumber = TestNhsNumbers.next();
        SystemUnderTest.ingest(DemoRegion.GP_SYSTEM, SystemUnderTest.summaryBundle(nhsNumber, DemoRegion.GP_PRACTICE));
        String socialWorker = KEYCLOAK.login(DemoRegion.SOCIAL_WORKER);
        String auditEvent = as(ServiceSpec.RECORD, socialWorker).contentType("application/json")
                .body(Map.of("reason", "New referral from the hospital discharge team"))
                .post("/api/records/" + nhsNumber + "/self-claim").then().statusCode(200)
                .body("access.basis", equalTo("self-claimed")).body("access.privacyOfficerAlerted", equalTo(true))
                .extract().path("access.auditEventId");
        String again = as(ServiceSpec.RECORD, socialWorker).get("/api/records/" + nhsNumber + "/summary").then()
                .statusCode(200).body("access.basis", equalTo("self-claimed")).extract().path("access.auditEventId");
        String privacyOfficer = KEYCLOAK.login(DemoRegion.PRIVACY_OFFICER);
        for (String event : List.of(auditEvent, again)) {
            as(ServiceSpec.CONSENT, privacyOfficer).get("/api/break-glass-reviews?size=500").then().statusCode(200)
                    .body("find { it.auditEventId == '" + event + "' }.basis", equalTo("self-claimed"))
                    .body("find { it.auditEventId == '" + event + "' }.orgCode", equalTo(DemoRegion.SOCIAL_CARE))
                    .body("find { it.auditEventId == '" + event + "' }.reason",
                            equalTo("New referral from the hospital discharge team"));
        }
        // an organisation outside the agreement cannot self-claim either
        as(ServiceSpec.RECORD, KEYCLOAK.login(DemoRegion.OUTSIDER_CLINICIAN)).contentType("application/json")
                .body(Map.of("reason", "I am sure I look after this person")).post("/api/records/" + nhsNumber
                        + "/self-claim").then().statusCode(403);
    }

    @Test
    void aBundleThatEndsAsADeadLetterLeavesNoLinkAndNoRelationshipBehind() {
        String first = TestNhsNumbers.next();
        String patientId = SystemUnderTest.newPatientId();
        SystemUnderTest.ingest(DemoRegion.GP_SYSTEM,
                SystemUnderTest.summaryBundle(first, DemoRegion.GP_PRACTICE, patientId));

        // the same source ids for another patient: a second NHS number under the same local patient's items
        String other = TestNhsNumbers.next();
        String otherPatient = SystemUnderTest.newPatientId();
        String reused = SystemUnderTest.summaryBundle(other, DemoRegion.GP_PRACTICE, otherPatient)
                .replace(otherPatient + "-a1", patientId + "-a1");
        as(ServiceSpec.INGEST, KEYCLOAK.clientCredentials(DemoRegion.GP_SYSTEM)).contentType("application/fhir+json")
                .body(reused).post("/fhir/r4").then().statusCode(409)
                .body("resourceType", equalTo("OperationOutcome")).body("issue[0].code", equalTo("conflict"))
                .body("issue[0].expression[0]", equalTo("Bundle.entry[1].resource.id"));
        as(ServiceSpec.IDENTITY, KEYCLOAK.clientCredentials("kmcr-record")).queryParam("nhsNumber", other)
                .get("/api/persons").then().statusCode(404);
        as(ServiceSpec.RECORD, KEYCLOAK.login(DemoRegion.GP_CLINICIAN)).get("/api/records/" + first + "/summary")
                .then().statusCode(200).body("categories.allergies", hasSize(1));
    }
}
