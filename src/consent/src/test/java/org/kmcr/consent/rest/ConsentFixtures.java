package org.kmcr.consent.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.kmcr.common.testing.TestTokens;

/** Tokens, identifiers and set-up calls shared by the resource tests. Every test uses its own organisations. */
final class ConsentFixtures {

    static final String SERVICE = TestTokens.service("kmcr-record");
    static final String PRIVACY_OFFICER = TestTokens.user("po", "privacy-officer", "QKM");
    static final String LONG_AGO = "2020-01-01";
    static final String REASON = "Unconscious in ED, no history available";
    static final List<String> CLINICIAN_SEES = List.of("allergies", "conditions", "demographics", "medications");

    private ConsentFixtures() {
    }

    /** An ODS-shaped code no other test uses. */
    static String newOrgCode() {
        return String.format("T%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    }

    static Map<String, Object> partnerBody(String name, String signedOn, String withdrawnOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("kind", "acute-trust");
        body.put("agreementSignedOn", signedOn);
        body.put("withdrawnOn", withdrawnOn);
        return body;
    }

    static void partner(String odsCode, String signedOn, String withdrawnOn) {
        given().auth().oauth2(PRIVACY_OFFICER).contentType(ContentType.JSON)
                .body(partnerBody("Trust " + odsCode, signedOn, withdrawnOn))
                .put("/api/sharing-partners/" + odsCode).then().statusCode(anyOf(is(200), is(201)));
    }

    static Map<String, Object> relationshipBody(UUID personId, String orgCode, String kind, String source) {
        Map<String, Object> body = new HashMap<>();
        body.put("personId", personId);
        body.put("orgCode", orgCode);
        body.put("kind", kind);
        body.put("source", source);
        return body;
    }

    static void relationship(UUID personId, String orgCode, String kind) {
        given().auth().oauth2(SERVICE).contentType(ContentType.JSON)
                .body(relationshipBody(personId, orgCode, kind, "test feed"))
                .post("/api/relationships").then().statusCode(anyOf(is(200), is(201)));
    }

    static Map<String, Object> staff(String role, String orgCode) {
        Map<String, Object> caller = new HashMap<>();
        caller.put("userId", "u-" + role);
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
        body.put("purpose", "direct-care");
        body.put("caller", caller);
        body.put("breakGlassReason", breakGlassReason);
        return body;
    }

    static io.restassured.response.ValidatableResponse decide(Map<String, Object> request) {
        return given().auth().oauth2(SERVICE).contentType(ContentType.JSON).body(request)
                .post("/api/access-decisions").then();
    }
}
