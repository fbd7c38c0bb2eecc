package org.kmcr.identity.rest;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kmcr.common.testing.TestTokens;

/** Resolve requests as ingest sends them, and the service token it sends them with. */
final class Patients {

    static final String INGEST = TestTokens.service("kmcr-ingest");
    static final String RESOLVE = "/api/source-identities/resolve";

    private Patients() {
    }

    /** A patient of the RKM PAS with a fresh local id. */
    static Map<String, Object> patient(String nhsNumber) {
        return patient("RKM", "partner-rkm-pas", "PAS-" + UUID.randomUUID(), nhsNumber);
    }

    static Map<String, Object> patient(String sourceOrg, String sourceSystem, String localId, String nhsNumber) {
        Map<String, Object> body = new HashMap<>();
        body.put("sourceOrg", sourceOrg);
        body.put("sourceSystem", sourceSystem);
        body.put("localId", localId);
        body.put("nhsNumber", nhsNumber);
        body.put("demographics", Map.of("family", "Jones", "given", List.of("Mary"), "birthDate", "1970-01-01",
                "gender", "female", "postcode", "KM1 1AA"));
        return body;
    }

    /** Resolves and returns the 200 answer. */
    static JsonPath resolve(Map<String, Object> patient) {
        return given().auth().oauth2(INGEST).contentType(ContentType.JSON).body(patient)
                .post(RESOLVE).then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
    }
}
