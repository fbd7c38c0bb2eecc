package org.kmcr.consent.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kmcr.common.testing.KmcrTestEnvironment;
import org.kmcr.common.testing.TestNhsNumbers;
import org.kmcr.common.testing.TestTokens;

/** Record's analytics reads the opt-out list's NHS numbers: only record's own client may, and each read is audited. */
@QuarkusTest
@QuarkusTestResource(KmcrTestEnvironment.class)
class OptOutExclusionResourceTest extends AuditedResourceTest {

    static final String PATH = "/api/national-data-opt-out/exclusions";
    static final String PRIVACY_OFFICER = TestTokens.user("po", "privacy-officer", "RKM");

    @Test
    void onlyRecordsClientReadsTheListAndEachReadIsAudited() {
        given().get(PATH).then().statusCode(401);
        given().auth().oauth2(TestTokens.user("an", "analyst", "RKM")).get(PATH).then().statusCode(403);
        given().auth().oauth2(PRIVACY_OFFICER).get(PATH).then().statusCode(403);
        given().auth().oauth2(TestTokens.service("kmcr-ingest")).get(PATH).then().statusCode(403);
        // a person's token given the service role by mistake does not count (SystemRoleGuard)
        given().auth().oauth2(TestTokens.withRoles("someone", "access-decider", "analyst")).get(PATH).then()
                .statusCode(403);

        String first = TestNhsNumbers.next();
        String second = TestNhsNumbers.next();
        given().auth().oauth2(PRIVACY_OFFICER).contentType(ContentType.JSON)
                .body(Map.of("listDate", "2026-11-30", "nhsNumbers", List.of(first, second)))
                .put("/api/national-data-opt-out").then().statusCode(200);
        audited.clear();
        given().auth().oauth2(TestTokens.service("kmcr-record")).get(PATH).then().statusCode(200)
                .body("listDate", equalTo("2026-11-30"))
                .body("nhsNumbers", containsInAnyOrder(first, second));
        assertEquals(List.of(OptOutExclusionResource.READ), auditedActions());
    }
}
