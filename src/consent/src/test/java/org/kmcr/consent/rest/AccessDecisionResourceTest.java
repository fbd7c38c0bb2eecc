package org.kmcr.consent.rest;

import static org.kmcr.consent.rest.ConsentFixtures.AUDIT;
import static org.kmcr.consent.rest.ConsentFixtures.AUDIT_AND_ALERT;
import static org.kmcr.consent.rest.ConsentFixtures.SOCIAL_WORKER_SEES;
import static org.kmcr.consent.rest.ConsentFixtures.CITIZEN_SEES;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.kmcr.consent.rest.ConsentFixtures.CLINICIAN_SEES;
import static org.kmcr.consent.rest.ConsentFixtures.LONG_AGO;
import static org.kmcr.consent.rest.ConsentFixtures.citizen;
import static org.kmcr.consent.rest.ConsentFixtures.decide;
import static org.kmcr.consent.rest.ConsentFixtures.decisionRequest;
import static org.kmcr.consent.rest.ConsentFixtures.newOrgCode;
import static org.kmcr.consent.rest.ConsentFixtures.partner;
import static org.kmcr.consent.rest.ConsentFixtures.relationship;
import static org.kmcr.consent.rest.ConsentFixtures.staff;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kmcr.common.testing.KmcrTestEnvironment;
import org.kmcr.common.testing.TestNhsNumbers;
import org.kmcr.common.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(KmcrTestEnvironment.class)
class AccessDecisionResourceTest extends AuditedResourceTest {

    @Test
    void decisionsNeedAToken() {
        given().contentType(ContentType.JSON)
                .body(decisionRequest(UUID.randomUUID(), TestNhsNumbers.next(), staff("clinician", "RKM"), null))
                .post("/api/access-decisions").then().statusCode(401)
                .contentType("application/problem+json").body("status", equalTo(401));
    }

    @Test
    void onlyRecordQueryAsksForDecisions() {
        for (String token : List.of(TestTokens.user("dr", "clinician", "RKM"), ConsentFixtures.PRIVACY_OFFICER,
                ConsentFixtures.INGEST, TestTokens.service("kmcr-audit"),
                TestTokens.user("dr-with-a-stolen-role", "access-decider", "RKM"))) {
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(decisionRequest(UUID.randomUUID(), TestNhsNumbers.next(), staff("clinician", "RKM"), null))
                    .post("/api/access-decisions").then().statusCode(403).contentType("application/problem+json");
        }
    }

    @Test
    void aClinicianAtAPartnerWithAGpRegistrationSeesTheClinicianCategories() {
        String org = newOrgCode();
        UUID person = UUID.randomUUID();
        partner(org, LONG_AGO, null);
        relationship(person, org, "gp-registration");
        decide(decisionRequest(person, TestNhsNumbers.next(), staff("clinician", org), null)).statusCode(200)
                .body("effect", equalTo("permit")).body("relationshipKind", equalTo("gp-registration"))
                .body("categories", equalTo(CLINICIAN_SEES)).body("obligations", equalTo(AUDIT));
    }

    @Test
    void aSocialWorkerSeesNoMedicationsNorResults() {
        String org = newOrgCode();
        UUID person = UUID.randomUUID();
        partner(org, LONG_AGO, null);
        relationship(person, org, "social-care-allocation");
        decide(decisionRequest(person, null, staff("social-worker", org), null)).statusCode(200)
                .body("effect", equalTo("permit")).body("relationshipKind", equalTo("social-care-allocation"))
                .body("categories", equalTo(SOCIAL_WORKER_SEES));
    }

    @Test
    void anOrganisationThatIsNotAPartnerIsDeniedEvenWithARelationship() {
        String org = newOrgCode();
        UUID person = UUID.randomUUID();
        partner(org, LONG_AGO, null);
        relationship(person, org, "gp-registration");
        partner(org, LONG_AGO, LONG_AGO);
        decide(decisionRequest(person, TestNhsNumbers.next(), staff("clinician", org), ConsentFixtures.REASON))
                .statusCode(200).body("effect", equalTo("deny")).body("reasonCode", equalTo("not-a-sharing-partner"))
                .body("reason", containsString(org)).body("reason", containsString("joint controllers' agreement"))
                .body("categories", empty());
    }

    @Test
    void aPartnerThatWithdrawsLosesAccessTheSameDay() {
        String org = newOrgCode();
        UUID person = UUID.randomUUID();
        partner(org, LONG_AGO, null);
        relationship(person, org, "care-team");
        Map<String, Object> request = decisionRequest(person, null, staff("clinician", org), null);
        decide(request).body("effect", equalTo("permit"));
        partner(org, LONG_AGO, LocalDate.now(ZoneId.of("Europe/London")).toString());
        decide(request).body("effect", equalTo("deny")).body("reasonCode", equalTo("not-a-sharing-partner"))
                .body("reason", containsString(org + " withdrew from the joint controllers' agreement"));
    }

    @Test
    void aRelationshipAtAnotherOrganisationGivesNoAccessAndTheDenialSaysHowToBreakGlass() {
        String gpPractice = newOrgCode();
        String hospital = newOrgCode();
        UUID person = UUID.randomUUID();
        partner(gpPractice, LONG_AGO, null);
        partner(hospital, LONG_AGO, null);
        relationship(person, gpPractice, "gp-registration");
        decide(decisionRequest(person, TestNhsNumbers.next(), staff("clinician", hospital), null)).statusCode(200)
                .body("effect", equalTo("deny")).body("reasonCode", equalTo("no-legitimate-relationship"))
                .body("reason", equalTo(hospital + " has no legitimate relationship with this person. In an "
                        + "emergency you may break glass by stating your reason; the access will be reviewed by a "
                        + "privacy officer."));
    }

    @Test
    void aCitizenSeesEveryCategoryOfTheirOwnRecordAndNobodyElses() {
        String mine = TestNhsNumbers.next();
        decide(decisionRequest(UUID.randomUUID(), mine, citizen(mine), null)).statusCode(200)
                .body("effect", equalTo("permit")).body("basis", equalTo("self"))
                .body("categories", equalTo(CITIZEN_SEES));
        decide(decisionRequest(UUID.randomUUID(), TestNhsNumbers.next(), citizen(mine), null)).statusCode(200)
                .body("effect", equalTo("deny")).body("reasonCode", equalTo("not-own-record"));
    }

    @Test
    void rolesOutsideDirectCareAreDenied() {
        String org = newOrgCode();
        UUID person = UUID.randomUUID();
        partner(org, LONG_AGO, null);
        relationship(person, org, "gp-registration");
        decide(decisionRequest(person, null, staff("analyst", org), ConsentFixtures.REASON)).statusCode(200)
                .body("effect", equalTo("deny")).body("reasonCode", equalTo("role-not-permitted"));
    }

    @Test
    void aBreakGlassReasonShorterThanTenCharactersIsABadRequest() {
        decide(decisionRequest(UUID.randomUUID(), null, staff("clinician", "RKM"), "  urgent   ")).statusCode(400)
                .contentType("application/problem+json").body("errors.field", equalTo(List.of("breakGlass.text")));
    }

    @Test
    void anIncompleteRequestNamesItsMissingFields() {
        decide(Map.of("caller", Map.of("roles", List.of()))).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("action", "caller.userId", "caller.roles"));
    }

    @Test
    void aPersonKmcrDoesNotHoldIsReportedOnlyToCallersWhoCouldOtherwiseSeeARecord() {
        String org = newOrgCode();
        partner(org, LONG_AGO, null);
        decide(decisionRequest(null, TestNhsNumbers.next(), staff("clinician", org), ConsentFixtures.REASON))
                .statusCode(200).body("effect", equalTo("deny")).body("reasonCode", equalTo("no-record"));
        String outsider = newOrgCode();
        decide(decisionRequest(null, TestNhsNumbers.next(), staff("clinician", outsider), null)).statusCode(200)
                .body("effect", equalTo("deny")).body("reasonCode", equalTo("not-a-sharing-partner"));
        String mine = TestNhsNumbers.next();
        decide(decisionRequest(null, TestNhsNumbers.next(), citizen(mine), null)).statusCode(200)
                .body("reasonCode", equalTo("not-own-record"));
        decide(decisionRequest(null, mine, citizen(mine), null)).statusCode(200).body("reasonCode", equalTo("no-record"));
    }

    @Test
    void askingTwiceForABreakGlassDecisionQueuesNoReview() {
        String org = newOrgCode();
        partner(org, LONG_AGO, null);
        Map<String, Object> request = decisionRequest(UUID.randomUUID(), null, staff("clinician", org),
                ConsentFixtures.REASON);
        decide(request).body("effect", equalTo("permit")).body("obligations", equalTo(AUDIT_AND_ALERT));
        decide(request).body("effect", equalTo("permit"));
        List<String> orgs = given().auth().oauth2(ConsentFixtures.PRIVACY_OFFICER).get("/api/break-glass-reviews")
                .then().statusCode(200).extract().path("orgCode");
        assertFalse(orgs.contains(org), orgs.toString());
    }
}
