package org.kmcr.identity.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kmcr.common.testing.KmcrTestEnvironment;
import org.kmcr.common.testing.TestNhsNumbers;

@QuarkusTest
@QuarkusTestResource(KmcrTestEnvironment.class)
class PersonResourceTest {

    @Test
    void aPersonIsFoundByNhsNumberAndByIdWithTheSameSourceIdentities() {
        String nhsNumber = TestNhsNumbers.next();
        JsonPath resolved = Patients.resolve(Patients.patient("RKM", "partner-rkm-pas", "PAS-123", nhsNumber));
        Map<String, Object> expected = Map.of(
                "personId", resolved.getString("personId"),
                "nhsNumber", nhsNumber,
                "sourceIdentities", List.of(Map.of("sourceIdentityId", resolved.getString("sourceIdentityId"),
                        "sourceOrg", "RKM", "sourceSystem", "partner-rkm-pas", "localId", "PAS-123")));

        given().auth().oauth2(Patients.RECORD).queryParam("nhsNumber", nhsNumber).get("/api/persons")
                .then().statusCode(200).body("", equalTo(expected));
        given().auth().oauth2(Patients.RECORD).get("/api/persons/" + resolved.getString("personId"))
                .then().statusCode(200).body("", equalTo(expected));
    }

    @Test
    void anUnknownPersonIsNotFound() {
        given().auth().oauth2(Patients.RECORD).queryParam("nhsNumber", TestNhsNumbers.next()).get("/api/persons")
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        given().auth().oauth2(Patients.RECORD).get("/api/persons/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        given().auth().oauth2(Patients.RECORD).get("/api/persons/not-a-uuid")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "null|NHS number is missing",
        "943476591|NHS number must be exactly 10 digits",
        "94347659AB|NHS number must be exactly 10 digits",
        "9434765918|NHS number fails the Modulus 11 check: the check digit (last digit) does not match"})
    void aMalformedNhsNumberIsABadRequest(String nhsNumber, String reason) {
        var request = given().auth().oauth2(Patients.RECORD);
        if (nhsNumber != null) {
            request.queryParam("nhsNumber", nhsNumber);
        }
        request.get("/api/persons").then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo(reason))
                .body("errors.field", equalTo(List.of("nhsNumber")));
    }
}
