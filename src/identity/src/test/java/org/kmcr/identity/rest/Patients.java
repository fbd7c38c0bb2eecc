package org.kmcr.identity.rest;

import static io.restassured.RestAssured.given;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kmcr.common.audit.AuditOutboxRelay;
import org.kmcr.common.testing.TestTokens;

/** Resolve requests as ingest sends them, the service tokens of ingest and record, and a privacy officer's. */
final class Patients {

    /** Ingest resolves (identity-resolver). */
    static final String INGEST = TestTokens.service("kmcr-ingest");
    /** Record looks persons up (identity-reader). */
    static final String RECORD = TestTokens.service("kmcr-record");
    static final String PRIVACY_OFFICER_NAME = "po";
    static final String PRIVACY_OFFICER = TestTokens.user(PRIVACY_OFFICER_NAME, "privacy-officer", "QKM");
    static final String RESOLVE = "/api/source-identities/resolve";
    static final String REVIEWS = "/api/link-reviews";

    private Patients() {
    }

    /** A patient of the RKM PAS with a fresh local id. */
    static Map<String, Object> patient(String nhsNumber) {
        return patient("RKM", "partner-rkm-pas", "PAS-" + UUID.randomUUID(), nhsNumber);
    }

    /** Mary Jones, born 1970-01-01, as the given source knows her. */
    static Map<String, Object> patient(String sourceOrg, String sourceSystem, String localId, String nhsNumber) {
        Map<String, Object> body = new HashMap<>();
        body.put("sourceOrg", sourceOrg);
        body.put("sourceSystem", sourceSystem);
        body.put("localId", localId);
        body.put("nhsNumber", nhsNumber);
        return withDemographics(body, "Jones", "Mary", "1970-01-01", "female");
    }

    /** Another source with the same NHS number and a fresh local id, telling another story. */
    static Map<String, Object> stranger(String nhsNumber) {
        return withDemographics(patient("G81001", "gp-emis", "E-" + UUID.randomUUID(), nhsNumber),
                "Okafor", "Chidi", "1991-11-30", "male");
    }

    static Map<String, Object> withDemographics(Map<String, Object> patient, String family, String given,
            String birthDate, String gender) {
        patient.put("demographics", Map.of("family", family, "given", List.of(given), "birthDate", birthDate,
                "gender", gender, "postcode", "KM1 1AA"));
        return patient;
    }

    /** Resolves and returns the 200 answer. */
    static JsonPath resolve(Map<String, Object> patient) {
        return given().auth().oauth2(INGEST).contentType(ContentType.JSON).body(patient)
                .post(RESOLVE).then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
    }

    /** A privacy officer's decision on a review. */
    static Response decide(String reviewId, String decision, String note) {
        Map<String, Object> body = new HashMap<>();
        body.put("decision", decision);
        body.put("note", note);
        return given().auth().oauth2(PRIVACY_OFFICER).contentType(ContentType.JSON).body(body)
                .post(REVIEWS + "/" + reviewId + "/decision");
    }

    /** The source identity ids record would read items of, for this NHS number (active links only). */
    static List<String> linkedSourceIdentities(String nhsNumber) {
        return given().auth().oauth2(RECORD).queryParam("nhsNumber", nhsNumber).get("/api/persons")
                .then().statusCode(200).extract().jsonPath().getList("sourceIdentities.sourceIdentityId");
    }

    /**
     * One round of the audit outbox relay, now (the schedule is off in tests): the events of committed changes are
     * sent to (the mocked) AuditClient and leave the outbox once it answers with a receipt.
     */
    static AuditOutboxRelay.Round deliverAuditOutbox() {
        AuditOutboxRelay relay = Arc.container().instance(AuditOutboxRelay.class).get();
        try {
            return VertxContextSupport.subscribeAndAwait(relay::relay);
        } catch (Throwable e) {
            throw new IllegalStateException("The audit outbox relay failed", e);
        }
    }
}
