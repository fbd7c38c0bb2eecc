package org.kmcr.consent.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;
import static org.kmcr.consent.rest.ConsentFixtures.AUDIT_AND_ALERT;
import static org.kmcr.consent.rest.ConsentFixtures.LONG_AGO;
import static org.kmcr.consent.rest.ConsentFixtures.PRIVACY_OFFICER;
import static org.kmcr.consent.rest.ConsentFixtures.decide;
import static org.kmcr.consent.rest.ConsentFixtures.decisionRequest;
import static org.kmcr.consent.rest.ConsentFixtures.newOrgCode;
import static org.kmcr.consent.rest.ConsentFixtures.partner;
import static org.kmcr.consent.rest.ConsentFixtures.relationship;
import static org.kmcr.consent.rest.ConsentFixtures.staff;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.mutiny.Uni;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kmcr.common.audit.AuditEvent;
import org.kmcr.common.audit.AuditOutboxRelay;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.common.testing.KmcrTestEnvironment;
import org.kmcr.common.testing.TestNhsNumbers;
import org.kmcr.common.testing.TestTokens;

/**
 * Objections, restrictions and consents to share through the REST API, kept as FHIR Consent, and how each change
 * applies from the very next decision (the decision cache never outlives a change).
 */
@QuarkusTest
@QuarkusTestResource(KmcrTestEnvironment.class)
class ConsentDirectiveResourceTest extends AuditedResourceTest {

    static final String CONTACT = "Kingsmere privacy office, 01632 960000";

    String org;
    UUID person;
    String nhsNumber;
    Map<String, Object> request;

    @BeforeEach
    void aClinicianWithACareRelationship() {
        org = newOrgCode();
        person = UUID.randomUUID();
        nhsNumber = TestNhsNumbers.next();
        partner(org, LONG_AGO, null);
        relationship(person, org, "care-team");
        request = decisionRequest(person, nhsNumber, staff("clinician", org), null);
    }

    static Map<String, Object> directive(String nhsNumber, String kind) {
        Map<String, Object> body = new HashMap<>();
        body.put("nhsNumber", nhsNumber);
        body.put("kind", kind);
        body.put("reason", "Discussed with the person on the telephone; they confirmed in writing");
        body.put("contact", CONTACT);
        return body;
    }

    static ValidatableResponse record(Map<String, Object> body) {
        return given().auth().oauth2(PRIVACY_OFFICER).contentType(ContentType.JSON).body(body)
                .post("/api/consent-directives").then();
    }

    @Test
    void anObjectionAppliesFromTheNextDecisionAndLeavesOnlyWhomToContactAndVitalInterests() {
        decide(request).body("effect", equalTo("permit"));
        String id = record(directive(nhsNumber, "objection")).statusCode(201)
                .contentType("application/fhir+json")
                .body("resourceType", equalTo("Consent")).body("status", equalTo("active"))
                .body("patient.identifier.value", equalTo(nhsNumber))
                .body("policyRule.coding[0].code", equalTo("OPTOUT"))
                .body("provision.type", equalTo("deny"))
                .extract().path("id");
        decide(request).body("effect", equalTo("deny")).body("reasonCode", equalTo("objection"))
                .body("contact", equalTo(CONTACT)).body("reason", containsString(CONTACT))
                .body("categories", hasSize(0));
        Map<String, Object> emergency = decisionRequest(person, nhsNumber, staff("clinician", org),
                ConsentFixtures.REASON);
        decide(emergency).body("reasonCode", equalTo("objection"));
        emergency.put("breakGlass", Map.of("reason", "vital-interests", "text", ConsentFixtures.REASON));
        decide(emergency).body("effect", equalTo("permit")).body("basis", equalTo("break-glass"))
                .body("obligations", equalTo(AUDIT_AND_ALERT));

        given().auth().oauth2(PRIVACY_OFFICER).contentType(ContentType.JSON)
                .body(Map.of("note", "The person withdrew their objection"))
                .post("/api/consent-directives/" + id + "/withdrawal").then().statusCode(200)
                .body("status", equalTo("inactive"));
        decide(request).body("effect", equalTo("permit"));
        assertEquals(List.of("consent.directive.record", "consent.directive.withdraw"),
                auditedActions().stream().filter(a -> a.startsWith("consent.directive")).toList());
    }

    @Test
    void anObjectionRecordedWhileAuditIsDownAppliesAndIsAuditedExactlyOnceWhenAuditIsBack() {
        doReturn(Uni.createFrom().failure(ProblemException.unavailable("audit is unavailable: nothing was disclosed")))
                .when(audit).record(any());

        record(directive(nhsNumber, "objection")).statusCode(201).body("status", equalTo("active"));
        assertEquals(new AuditOutboxRelay.Round(0, 1), deliverAuditOutbox(), "audit is down: the event waits");
        auditCommits();
        deliverAuditOutbox();
        decide(request).body("effect", equalTo("deny")).body("reasonCode", equalTo("objection"));

        List<AuditEvent> recorded = audited.stream()
                .filter(event -> event.action().equals("consent.directive.record")).toList();
        assertEquals(1, recorded.size(), "delivered once audit is back, " + audited);
        assertEquals(nhsNumber, recorded.get(0).subjectNhsNumber());
        assertEquals("privacy-officer", recorded.get(0).actor().role());
        assertEquals(new AuditOutboxRelay.Round(0, 0), deliverAuditOutbox(), "and never sent again");
    }

    @Test
    void aRestrictionWithholdsWhatItNamesFromTheNamedOrganisationOnly() {
        Map<String, Object> body = directive(nhsNumber, "restriction");
        body.put("categories", List.of("mental-health", "conditions"));
        body.put("recipientOrgs", List.of(org));
        record(body).statusCode(201).body("provision.code.coding.code.flatten()",
                equalTo(List.of("conditions", "mental-health")))
                .body("provision.actor[0].role.coding[0].code", equalTo("IRCP"));
        decide(request).body("effect", equalTo("permit"))
                .body("itemRules.find { it.rule == 'restriction' }.treatment", equalTo("WITHHOLD"))
                .body("itemRules.find { it.rule == 'restriction' }.categories", hasItem("mental-health"))
                .body("itemRules.find { it.rule == 'restriction' }.exceptSourceOrg", equalTo(org));
        String other = newOrgCode();
        partner(other, LONG_AGO, null);
        relationship(person, other, "care-team");
        decide(decisionRequest(person, nhsNumber, staff("clinician", other), null))
                .body("itemRules.find { it.rule == 'restriction' }", nullValue());
    }

    @Test
    void aCitizensRequestIsQueuedNotAppliedUntilAPrivacyOfficerAcceptsIt() {
        String citizen = TestTokens.patient("mary", nhsNumber);
        String id = given().auth().oauth2(citizen).contentType(ContentType.JSON)
                .body(Map.of("kind", "objection", "reason", "I do not want my record shared"))
                .post("/api/me/consent-directives").then().statusCode(202)
                .body("status", equalTo("proposed")).body("patient.identifier.value", equalTo(nhsNumber))
                .extract().path("id");
        decide(request).body("effect", equalTo("permit"));
        given().auth().oauth2(citizen).get("/api/me/consent-directives").then().statusCode(200)
                .body("total", equalTo(1)).body("entry[0].resource.status", equalTo("proposed"));
        given().auth().oauth2(PRIVACY_OFFICER).queryParam("status", "requested").queryParam("nhsNumber", nhsNumber)
                .get("/api/consent-directives").then().statusCode(200).body("total", equalTo(1));

        given().auth().oauth2(PRIVACY_OFFICER).contentType(ContentType.JSON).body(Map.of("outcome", "accept"))
                .post("/api/consent-directives/" + id + "/decision").then().statusCode(422);
        given().auth().oauth2(PRIVACY_OFFICER).contentType(ContentType.JSON)
                .body(Map.of("outcome", "accept", "note", "Confirmed by phone", "contact", CONTACT))
                .post("/api/consent-directives/" + id + "/decision").then().statusCode(200)
                .body("status", equalTo("active")).body("verification[0].verified", equalTo(true));
        decide(request).body("effect", equalTo("deny")).body("reasonCode", equalTo("objection"));
        given().auth().oauth2(PRIVACY_OFFICER).contentType(ContentType.JSON).body(Map.of("outcome", "reject"))
                .post("/api/consent-directives/" + id + "/decision").then().statusCode(409);
    }

    @Test
    void aCitizenCanOnlyRequestAndReadTheirOwn() {
        given().auth().oauth2(TestTokens.patient("mary", nhsNumber)).contentType(ContentType.JSON)
                .body(Map.of("kind", "consent-to-share", "reason", "Share my HIV status"))
                .post("/api/me/consent-directives").then().statusCode(400);
        given().auth().oauth2(TestTokens.patient("mary", nhsNumber)).contentType(ContentType.JSON)
                .body(directive(nhsNumber, "objection")).post("/api/consent-directives").then().statusCode(403);
        given().auth().oauth2(TestTokens.patient("mary", nhsNumber)).get("/api/consent-directives").then()
                .statusCode(403);
    }

    @Test
    void badDirectivesAreRefusedWithTheFieldsNamed() {
        Map<String, Object> body = directive(nhsNumber, "objection");
        body.remove("contact");
        record(body).statusCode(422).contentType("application/problem+json");
        body = directive(nhsNumber, "restriction");
        body.put("categories", List.of("pathology"));
        record(body).statusCode(400).body("errors[0].field", containsString("categories"))
                .body("errors[0].message", containsString("mental-health"));
        record(directive("123", "veto")).statusCode(400).body("errors.field", hasItem("kind"))
                .body("errors.field", hasItem("nhsNumber"));
        given().auth().oauth2(PRIVACY_OFFICER).get("/api/consent-directives/" + UUID.randomUUID()).then()
                .statusCode(404);
    }

    @Test
    void securedForPrivacyOfficersAndCitizens() {
        given().get("/api/consent-directives").then().statusCode(401);
        given().auth().oauth2(TestTokens.user("dr", "clinician", org)).get("/api/consent-directives").then()
                .statusCode(403);
        given().auth().oauth2(TestTokens.user("dr", "clinician", org)).get("/api/me/consent-directives").then()
                .statusCode(403);
        given().auth().oauth2(PRIVACY_OFFICER).get("/api/consent-directives").then().statusCode(200);
        given().get("/api/national-data-opt-out").then().statusCode(401);
        given().auth().oauth2(TestTokens.user("an", "analyst", org)).get("/api/national-data-opt-out").then()
                .statusCode(403);
    }

    @Test
    void theOptOutListExcludesFromAnalyticsNeverFromDirectCareAndIsReplacedWhole() {
        String analytics = newOrgCode();
        partner(analytics, LONG_AGO, null);
        Map<String, Object> analysis = decisionRequest(person, nhsNumber, staff("analyst", analytics), null);
        analysis.put("action", "analytics");
        decide(analysis).body("effect", equalTo("permit")).body("basis", equalTo("secondary-use"))
                .body("categories", hasItem("conditions"));
        given().auth().oauth2(PRIVACY_OFFICER).contentType(ContentType.JSON)
                .body(Map.of("listDate", "2026-11-30", "nhsNumbers", List.of(nhsNumber, TestNhsNumbers.next())))
                .put("/api/national-data-opt-out").then().statusCode(200).body("size", equalTo(2))
                .body("listDate", equalTo("2026-11-30"));
        decide(analysis).body("effect", equalTo("deny")).body("reasonCode", equalTo("opted-out"));
        decide(request).body("effect", equalTo("permit"));
        given().auth().oauth2(PRIVACY_OFFICER).contentType(ContentType.JSON)
                .body(Map.of("listDate", "2026-12-01", "nhsNumbers", List.of(TestNhsNumbers.next())))
                .put("/api/national-data-opt-out").then().statusCode(200).body("size", equalTo(1));
        decide(analysis).body("effect", equalTo("permit"));
        given().auth().oauth2(PRIVACY_OFFICER).get("/api/national-data-opt-out").then().statusCode(200)
                .body("listDate", equalTo("2026-12-01"));
        given().auth().oauth2(PRIVACY_OFFICER).contentType(ContentType.JSON)
                .body(Map.of("listDate", "2026-12-01", "nhsNumbers", List.of("12")))
                .put("/api/national-data-opt-out").then().statusCode(400);
    }

    @Test
    void aSuspendedPartnerIsRefusedFromTheNextDecisionAndAPolicyTableChangeAppliesToo() {
        decide(request).body("effect", equalTo("permit"));
        Map<String, Object> suspended = ConsentFixtures.partnerBody("Partner " + org, LONG_AGO, null);
        suspended.put("suspendedOn", LONG_AGO);
        given().auth().oauth2(PRIVACY_OFFICER).contentType(ContentType.JSON).body(suspended)
                .put("/api/sharing-partners/" + org).then().statusCode(200).body("inForce", equalTo(false));
        decide(request).body("effect", equalTo("deny")).body("reasonCode", equalTo("partner-suspended"));
        suspended.put("suspendedOn", null);
        given().auth().oauth2(PRIVACY_OFFICER).contentType(ContentType.JSON).body(suspended)
                .put("/api/sharing-partners/" + org).then().statusCode(200).body("inForce", equalTo(true));
        decide(request).body("effect", equalTo("permit"));
    }

    @Test
    void anEncounterCountsOnlyWithinTheWindowWhichIsPolicyData() {
        String hospital = newOrgCode();
        partner(hospital, LONG_AGO, null);
        Map<String, Object> body = ConsentFixtures.relationshipBody(person, hospital, "encounter");
        body.put("startedOn", java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")).minusDays(30).toString());
        given().auth().oauth2(PRIVACY_OFFICER).contentType(ContentType.JSON).body(body).post("/api/relationships")
                .then().statusCode(201);
        Map<String, Object> atHospital = decisionRequest(person, nhsNumber, staff("clinician", hospital), null);
        decide(atHospital).body("effect", equalTo("permit")).body("relationshipKind", equalTo("encounter"));
        try {
            KmcrTestEnvironment.database().execute(
                    "UPDATE consent.policy_setting SET value = 10 WHERE name = 'encounter-window-days'");
            decide(atHospital).body("effect", equalTo("deny"))
                    .body("reasonCode", equalTo("no-legitimate-relationship"));
        } finally {
            KmcrTestEnvironment.database().execute(
                    "UPDATE consent.policy_setting SET value = 90 WHERE name = 'encounter-window-days'");
        }
        decide(atHospital).body("effect", equalTo("permit"));
    }
}
