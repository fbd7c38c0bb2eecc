package org.kmcr.consent.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.kmcr.consent.rest.ConsentFixtures.LONG_AGO;
import static org.kmcr.consent.rest.ConsentFixtures.PRIVACY_OFFICER;
import static org.kmcr.consent.rest.ConsentFixtures.newOrgCode;
import static org.kmcr.consent.rest.ConsentFixtures.partner;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kmcr.common.testing.KmcrTestEnvironment;
import org.kmcr.common.testing.TestNhsNumbers;
import org.kmcr.common.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(KmcrTestEnvironment.class)
class CorrectionRequestResourceTest extends AuditedResourceTest {

    static ValidatableResponse ask(String citizen, String sourceOrg, String item, String correction) {
        return given().auth().oauth2(citizen).contentType(ContentType.JSON)
                .body(Map.of("sourceOrg", sourceOrg, "item", item, "correction", correction))
                .post("/api/me/correction-requests").then();
    }

    static ValidatableResponse answer(String token, String id, String outcome, String note) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("outcome", outcome, "note", note))
                .post("/api/correction-requests/" + id + "/decision").then();
    }

    @Test
    void aCitizensCorrectionIsRoutedToTheSourceOrganisationWhichAnswersItOnce() {
        String gp = newOrgCode();
        String elsewhere = newOrgCode();
        partner(gp, LONG_AGO, null);
        partner(elsewhere, LONG_AGO, null);
        String nhsNumber = TestNhsNumbers.next();
        String citizen = TestTokens.patient("mary", nhsNumber);
        audited.clear();

        String id = ask(citizen, gp, "  Allergy to penicillin ", "I have never been allergic to penicillin")
                .statusCode(202).body("status", equalTo("open")).body("nhsNumber", equalTo(nhsNumber))
                .body("item", equalTo("Allergy to penicillin")).body("decidedAt", nullValue())
                .extract().path("id");
        // asking again for the same correction while it is open queues it once
        ask(citizen, gp, "Allergy to penicillin", "I have never been allergic to penicillin").statusCode(202)
                .body("id", equalTo(id));
        assertEquals(List.of(MyCorrectionRequestResource.REQUEST, MyCorrectionRequestResource.REQUEST),
                auditedActions());

        String gpStaff = TestTokens.user("records", "clinician", gp);
        String otherStaff = TestTokens.user("other", "clinician", elsewhere);
        given().auth().oauth2(gpStaff).get("/api/correction-requests").then().statusCode(200)
                .body("id", hasItem(id)).body("sourceOrg", not(hasItem(elsewhere)));
        given().auth().oauth2(otherStaff).get("/api/correction-requests").then().statusCode(200)
                .body("id", not(hasItem(id)));
        given().auth().oauth2(otherStaff).queryParam("sourceOrg", gp).get("/api/correction-requests").then()
                .statusCode(403).body("detail", containsString("your own organisation"));
        given().auth().oauth2(PRIVACY_OFFICER).queryParam("sourceOrg", gp).queryParam("status", "open")
                .get("/api/correction-requests").then().statusCode(200).body("id", equalTo(List.of(id)));

        // another organisation cannot answer it, and learns nothing of it
        answer(otherStaff, id, "corrected", "Done").statusCode(404);
        answer(gpStaff, id, "maybe", "Done").statusCode(400);
        answer(gpStaff, id, "declined", " ").statusCode(400);
        audited.clear();
        answer(gpStaff, id, "declined", "The allergy was recorded after a reaction in 2019; ask your GP")
                .statusCode(200).body("status", equalTo("declined")).body("decidedByOrg", equalTo(gp));
        assertEquals(List.of(CorrectionRequestResource.DECIDE), auditedActions());
        assertEquals(nhsNumber, audited.get(0).subjectNhsNumber());
        answer(PRIVACY_OFFICER, id, "corrected", "Overwrite").statusCode(409);

        given().auth().oauth2(citizen).get("/api/me/correction-requests").then().statusCode(200)
                .body("", hasSize(1)).body("[0].status", equalTo("declined"))
                .body("[0].decisionNote", containsString("reaction in 2019"));
        // another citizen sees none of it
        given().auth().oauth2(TestTokens.patient("john", TestNhsNumbers.next())).get("/api/me/correction-requests")
                .then().statusCode(200).body("", hasSize(0));
    }

    @Test
    void aRequestToAnOrganisationThatDoesNotShareOrWithoutTheFieldsIsRefusedAndNothingIsStored() {
        String nhsNumber = TestNhsNumbers.next();
        String citizen = TestTokens.patient("mary", nhsNumber);
        ask(citizen, "Y09999", "Allergy", "Not mine").statusCode(422).body("detail", containsString("Y09999"));
        ask(citizen, "not an ods", "Allergy", "Not mine").statusCode(400);
        ask(citizen, newOrgCode(), "", "Not mine").statusCode(400);
        given().auth().oauth2(citizen).get("/api/me/correction-requests").then().statusCode(200)
                .body("", hasSize(0));
    }

    @Test
    void onlyCitizensAskAndOnlyStaffAndOfficersListAndAStaffTokenWithoutAnOrganisationIsRefused() {
        given().get("/api/me/correction-requests").then().statusCode(401);
        given().get("/api/correction-requests").then().statusCode(401);
        given().auth().oauth2(PRIVACY_OFFICER).get("/api/me/correction-requests").then().statusCode(403);
        given().auth().oauth2(TestTokens.patient("mary", TestNhsNumbers.next())).get("/api/correction-requests")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.user("analyst", "analyst", "QKM")).get("/api/correction-requests")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.withRoles("dr", "clinician")).get("/api/correction-requests")
                .then().statusCode(403).body("detail", containsString("names no organisation"));
        assertFalse(auditedActions().contains(MyCorrectionRequestResource.READ));
    }
}
