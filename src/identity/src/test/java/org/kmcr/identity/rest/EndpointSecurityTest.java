package org.kmcr.identity.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kmcr.common.testing.KmcrTestEnvironment;
import org.kmcr.common.testing.TestNhsNumbers;
import org.kmcr.common.testing.TestTokens;

/** Only KMCR services may use the MPI; everyone else is refused with a problem+json. */
@QuarkusTest
@QuarkusTestResource(KmcrTestEnvironment.class)
class EndpointSecurityTest {

    enum Caller {
        NONE(() -> null),
        CLINICIAN(() -> TestTokens.user("dr", "clinician", "RKM")),
        PRIVACY_OFFICER(() -> TestTokens.user("po", "privacy-officer", "QKM")),
        PATIENT(() -> TestTokens.patient("mary", TestNhsNumbers.next())),
        PARTNER_SYSTEM(() -> TestTokens.partner("partner-rkm-pas", "RKM")),
        SERVICE(() -> Patients.INGEST);

        final Supplier<String> token;

        Caller(Supplier<String> token) {
            this.token = token;
        }
    }

    enum Endpoint {
        RESOLVE {
            Response call(RequestSpecification request, String nhsNumber, JsonPath existing) {
                return request.contentType(ContentType.JSON).body(Patients.patient(nhsNumber)).post(Patients.RESOLVE);
            }
        },
        PERSON_BY_NHS_NUMBER {
            Response call(RequestSpecification request, String nhsNumber, JsonPath existing) {
                return request.queryParam("nhsNumber", nhsNumber).get("/api/persons");
            }
        },
        PERSON_BY_ID {
            Response call(RequestSpecification request, String nhsNumber, JsonPath existing) {
                return request.get("/api/persons/" + existing.getString("personId"));
            }
        };

        abstract Response call(RequestSpecification request, String nhsNumber, JsonPath existing);
    }

    @ParameterizedTest(name = "{0} by {1}: {2}")
    @CsvSource({
        "RESOLVE, NONE, 401", "RESOLVE, CLINICIAN, 403", "RESOLVE, PRIVACY_OFFICER, 403",
        "RESOLVE, PATIENT, 403", "RESOLVE, PARTNER_SYSTEM, 403", "RESOLVE, SERVICE, 200",
        "PERSON_BY_NHS_NUMBER, NONE, 401", "PERSON_BY_NHS_NUMBER, CLINICIAN, 403",
        "PERSON_BY_NHS_NUMBER, PRIVACY_OFFICER, 403", "PERSON_BY_NHS_NUMBER, PATIENT, 403",
        "PERSON_BY_NHS_NUMBER, PARTNER_SYSTEM, 403", "PERSON_BY_NHS_NUMBER, SERVICE, 200",
        "PERSON_BY_ID, NONE, 401", "PERSON_BY_ID, CLINICIAN, 403", "PERSON_BY_ID, PRIVACY_OFFICER, 403",
        "PERSON_BY_ID, PATIENT, 403", "PERSON_BY_ID, PARTNER_SYSTEM, 403", "PERSON_BY_ID, SERVICE, 200"})
    void onlyServicesMayCall(Endpoint endpoint, Caller caller, int status) {
        String nhsNumber = TestNhsNumbers.next();
        JsonPath existing = Patients.resolve(Patients.patient(nhsNumber));
        RequestSpecification request = given();
        String token = caller.token.get();
        if (token != null) {
            request.auth().oauth2(token);
        }
        var answer = endpoint.call(request, nhsNumber, existing).then().statusCode(status);
        if (status == 200) {
            answer.body("personId", equalTo(existing.getString("personId")));
        } else {
            answer.contentType("application/problem+json").body("status", equalTo(status));
        }
        if (status == 401) {
            answer.header("WWW-Authenticate", "Bearer");
        }
    }
}
