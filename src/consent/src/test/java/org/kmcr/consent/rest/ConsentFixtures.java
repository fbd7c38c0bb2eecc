package org.kmcr.consent.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.kmcr.common.testing.TestTokens;

/** Tokens, identifiers and set-up calls shared by the resource tests. Every test uses its own organisations. */
final class ConsentFixtures {

    /** record-query: asks for decisions, reports disclosures, passes self-claims on. */
    static final String RECORD = TestTokens.service("kmcr-record");
    /** ingest: passes on relationships asserted by partners' messages. */
    static final String INGEST = TestTokens.service("kmcr-ingest");
    static final String PRIVACY_OFFICER = TestTokens.user("po", "privacy-officer", "QKM");
    static final String LONG_AGO = "2020-01-01";
    static final String REASON = "Unconscious in ED, no history available";
    /** The shipped role x category policy (db/consent V4), in the categories' order. */
    static final List<String> CLINICIAN_SEES = List.of("demographics", "contacts", "care-team", "medications",
            "allergies", "conditions", "alerts", "safeguarding", "results", "encounters", "location", "social-care",
            "mental-health", "referrals", "advance-directives", "care-plans", "documents", "infection-status",
            "immunisations");
    static final List<String> SOCIAL_WORKER_SEES = List.of("demographics", "contacts", "care-team", "allergies",
            "conditions", "alerts", "safeguarding", "encounters", "location", "social-care", "referrals",
            "advance-directives", "care-plans");
    static final List<String> CITIZEN_SEES = CLINICIAN_SEES.stream().filter(c -> !c.equals("safeguarding")).toList();
    static final List<String> AUDIT = List.of("audit-disclosure");
    static final List<String> AUDIT_AND_ALERT = List.of("audit-disclosure", "alert-privacy-officer");

    private ConsentFixtures() {
    }

    /** An ODS-shaped code no other test uses. */
    static String newOrgCode() {
        return String.format("T%05d%04d", RUN, NEXT_ORG.incrementAndGet());
    }

    /** This test run's prefix and a counter: codes never repeat within a run, whatever the tests create. */
    private static final int RUN = ThreadLocalRandom.current().nextInt(100_000);
    private static final java.util.concurrent.atomic.AtomicInteger NEXT_ORG =
            new java.util.concurrent.atomic.AtomicInteger();

    static Map<String, Object> partnerBody(String name, String kind, String signedOn, String withdrawnOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("kind", kind);
        body.put("agreementSignedOn", signedOn);
        body.put("withdrawnOn", withdrawnOn);
        return body;
    }

    static Map<String, Object> partnerBody(String name, String signedOn, String withdrawnOn) {
        return partnerBody(name, "acute-trust", signedOn, withdrawnOn);
    }

    static void partner(String odsCode, String signedOn, String withdrawnOn) {
        partnerOfKind(odsCode, "acute-trust", signedOn, withdrawnOn);
    }

    static void partnerOfKind(String odsCode, String kind, String signedOn, String withdrawnOn) {
        given().auth().oauth2(PRIVACY_OFFICER).contentType(ContentType.JSON)
                .body(partnerBody("Partner " + odsCode, kind, signedOn, withdrawnOn))
                .put("/api/sharing-partners/" + odsCode).then().statusCode(anyOf(is(200), is(201)));
    }

    static Map<String, Object> relationshipBody(UUID personId, String orgCode, String kind) {
        Map<String, Object> body = new HashMap<>();
        body.put("personId", personId);
        body.put("orgCode", orgCode);
        body.put("kind", kind);
        return body;
    }

    /** A verified relationship, recorded by a privacy officer of another organisation (QKM). */
    static void relationship(UUID personId, String orgCode, String kind) {
        given().auth().oauth2(PRIVACY_OFFICER).contentType(ContentType.JSON)
                .body(relationshipBody(personId, orgCode, kind))
                .post("/api/relationships").then().statusCode(anyOf(is(200), is(201)));
    }

    static Map<String, Object> assertion(UUID personId, String orgCode, String kind, String asserterOrg,
            String message) {
        Map<String, Object> body = relationshipBody(personId, orgCode, kind);
        body.put("assertedBy", Map.of("orgCode", asserterOrg, "system", "partner-" + asserterOrg.toLowerCase()));
        body.put("sourceMessage", message);
        return body;
    }

    /** Ingest passing on a partner's assertion; answers the outcome. */
    static ValidatableResponse assertAsIngest(Map<String, Object> assertion) {
        return given().auth().oauth2(INGEST).contentType(ContentType.JSON).body(assertion)
                .post("/api/relationship-assertions").then();
    }

    static Map<String, Object> staff(String role, String orgCode) {
        Map<String, Object> caller = new HashMap<>();
        caller.put("userId", "u-" + role + "-" + orgCode);
        caller.put("displayName", "Dr Tom Reed");
        caller.put("roles", List.of(role));
        caller.put("orgCode", orgCode);
        caller.put("roleCode", "S8000:G8000:R8000");
        caller.put("nhsNumber", null);
        return caller;
    }

    static Map<String, Object> citizen(String nhsNumber) {
        Map<String, Object> caller = new HashMap<>();
        caller.put("userId", "u-citizen");
        caller.put("displayName", "Mary Smith");
        caller.put("roles", List.of("patient"));
        caller.put("nhsNumber", nhsNumber);
        return caller;
    }

    static Map<String, Object> decisionRequest(UUID personId, String nhsNumber, Map<String, Object> caller,
            String breakGlassReason) {
        Map<String, Object> body = new HashMap<>();
        body.put("personId", personId);
        body.put("nhsNumber", nhsNumber);
        body.put("action", "summary");
        body.put("caller", caller);
        body.put("breakGlass", breakGlassReason == null ? null
                : Map.of("reason", "emergency-care", "text", breakGlassReason));
        return body;
    }

    static ValidatableResponse decide(Map<String, Object> request) {
        return given().auth().oauth2(RECORD).contentType(ContentType.JSON).body(request)
                .post("/api/access-decisions").then();
    }

    /** record-query reporting a committed disclosure that obliges an alert. */
    static ValidatableResponse alert(UUID auditEventId, UUID personId, String nhsNumber, Map<String, Object> caller,
            String basis, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("auditEventId", auditEventId);
        body.put("personId", personId);
        body.put("nhsNumber", nhsNumber);
        body.put("caller", caller);
        body.put("basis", basis);
        body.put("reason", reason);
        return given().auth().oauth2(RECORD).contentType(ContentType.JSON).body(body).post("/api/privacy-alerts")
                .then();
    }
}
