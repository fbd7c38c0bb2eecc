package org.kmcr.consent.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.kmcr.consent.rest.ConsentFixtures.LONG_AGO;
import static org.kmcr.consent.rest.ConsentFixtures.PRIVACY_OFFICER;
import static org.kmcr.consent.rest.ConsentFixtures.assertAsIngest;
import static org.kmcr.consent.rest.ConsentFixtures.assertion;
import static org.kmcr.consent.rest.ConsentFixtures.decide;
import static org.kmcr.consent.rest.ConsentFixtures.decisionRequest;
import static org.kmcr.consent.rest.ConsentFixtures.newOrgCode;
import static org.kmcr.consent.rest.ConsentFixtures.partner;
import static org.kmcr.consent.rest.ConsentFixtures.partnerOfKind;
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
import org.kmcr.common.testing.TestTokens;

/** Relationships asserted by partners' messages: only those the sender may assert ever give access. */
@QuarkusTest
@QuarkusTestResource(KmcrTestEnvironment.class)
class RelationshipAssertionResourceTest extends AuditedResourceTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));

    static void expectAccess(UUID person, String org, String decision) {
        decide(decisionRequest(person, null, staff("clinician", org), null)).statusCode(200)
                .body("effect", equalTo(decision));
    }

    @Test
    void aHospitalCannotRegisterAPersonWithItselfOrAnyPractice() {
        String hospital = newOrgCode();
        String practice = newOrgCode();
        partner(hospital, LONG_AGO, null);
        partnerOfKind(practice, "gp-practice", LONG_AGO, null);
        UUID person = UUID.randomUUID();
        for (String claimed : List.of(hospital, practice)) {
            assertAsIngest(assertion(person, claimed, "gp-registration", hospital, "bundle-1")).statusCode(200)
                    .body("status", equalTo("UNVERIFIED")).body("relationshipId", nullValue())
                    .body("reason", containsString(hospital + " may not register a person with " + claimed));
        }
        expectAccess(person, hospital, "deny");
        expectAccess(person, practice, "deny");
        given().auth().oauth2(PRIVACY_OFFICER).queryParam("personId", person).get("/api/relationships/unverified")
                .then().statusCode(200).body("$", hasSize(2)).body("[0].assertedBy.orgCode", equalTo(hospital))
                .body("[0].sourceMessage", equalTo("bundle-1")).body("[0].recordedVia", equalTo("kmcr-ingest"));
        given().auth().oauth2(PRIVACY_OFFICER).queryParam("personId", person).get("/api/relationships")
                .then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void aGpRegistrationCountsFromThePracticeItselfOrFromARegistrationAuthority() {
        String practice = newOrgCode();
        String otherPractice = newOrgCode();
        String pds = newOrgCode();
        partnerOfKind(practice, "gp-practice", LONG_AGO, null);
        partnerOfKind(otherPractice, "gp-practice", LONG_AGO, null);
        partnerOfKind(pds, "registration-authority", LONG_AGO, null);
        UUID person = UUID.randomUUID();
        assertAsIngest(assertion(person, practice, "gp-registration", practice, "gp-extract-1")).statusCode(200)
                .body("status", equalTo("VERIFIED")).body("relationshipId", notNullValue());
        assertAsIngest(assertion(person, otherPractice, "gp-registration", practice, "gp-extract-1"))
                .body("status", equalTo("UNVERIFIED"));
        assertAsIngest(assertion(person, otherPractice, "gp-registration", pds, "pds-1"))
                .body("status", equalTo("VERIFIED"));
        expectAccess(person, practice, "permit");
        expectAccess(person, otherPractice, "permit");
        given().auth().oauth2(PRIVACY_OFFICER).queryParam("personId", person).get("/api/relationships").then()
                .body("find { it.orgCode == '" + otherPractice + "' }.assertedBy.orgCode", equalTo(pds))
                .body("find { it.orgCode == '" + otherPractice + "' }.assertedBy.system",
                        equalTo("partner-" + pds.toLowerCase()))
                .body("find { it.orgCode == '" + otherPractice + "' }.sourceMessage", equalTo("pds-1"))
                .body("find { it.orgCode == '" + otherPractice + "' }.recordedVia", equalTo("kmcr-ingest"));
    }

    @Test
    void anEncounterRelatesOnlyTheSendersOwnOrganisation() {
        String hospital = newOrgCode();
        String other = newOrgCode();
        partner(hospital, LONG_AGO, null);
        partner(other, LONG_AGO, null);
        UUID person = UUID.randomUUID();
        assertAsIngest(assertion(person, other, "admission", hospital, "adt-1")).body("status", equalTo("UNVERIFIED"))
                .body("reason", containsString("only for itself"));
        assertAsIngest(assertion(person, hospital, "admission", hospital, "adt-1")).body("status", equalTo("VERIFIED"));
        expectAccess(person, hospital, "permit");
        expectAccess(person, other, "deny");
    }

    @Test
    void aReferralGivesTheRecipientATimeLimitedRelationship() {
        String referrer = newOrgCode();
        String recipient = newOrgCode();
        partner(referrer, LONG_AGO, null);
        partner(recipient, LONG_AGO, null);
        UUID person = UUID.randomUUID();
        assertAsIngest(assertion(person, recipient, "referral", referrer, "ers-1")).body("status", equalTo("VERIFIED"));
        expectAccess(person, recipient, "permit");
        expectAccess(person, referrer, "deny");
        given().auth().oauth2(PRIVACY_OFFICER).queryParam("personId", person).get("/api/relationships").then()
                .body("[0].endsOn", equalTo(TODAY.plusDays(89).toString()));
        assertAsIngest(assertion(person, referrer, "referral", referrer, "ers-2")).body("status", equalTo("UNVERIFIED"));
    }

    @Test
    void onlyTheAssertingSourceEndsAnEpisodeAndALaterMessageNeverMovesItsStart() {
        String hospital = newOrgCode();
        String pds = newOrgCode();
        String practice = newOrgCode();
        partnerOfKind(practice, "gp-practice", LONG_AGO, null);
        partnerOfKind(pds, "registration-authority", LONG_AGO, null);
        partner(hospital, LONG_AGO, null);
        UUID person = UUID.randomUUID();
        Map<String, Object> registered = assertion(person, practice, "gp-registration", practice, "gp-1");
        registered.put("startedOn", "2024-05-01");
        String id = assertAsIngest(registered).body("status", equalTo("VERIFIED")).extract().path("relationshipId");

        Map<String, Object> later = assertion(person, practice, "gp-registration", practice, "gp-2");
        later.put("startedOn", "2026-01-01");
        assertAsIngest(later).body("relationshipId", equalTo(id));

        Map<String, Object> endedByOther = assertion(person, practice, "gp-registration", pds, "pds-9");
        endedByOther.put("endsOn", TODAY.minusDays(1).toString());
        assertAsIngest(endedByOther).body("status", equalTo("UNVERIFIED"))
                .body("reason", containsString("Only " + practice + ", which asserted this relationship"));
        expectAccess(person, practice, "permit");

        Map<String, Object> deregistered = assertion(person, practice, "gp-registration", practice, "gp-3");
        deregistered.put("endsOn", TODAY.minusDays(1).toString());
        assertAsIngest(deregistered).body("status", equalTo("VERIFIED")).body("relationshipId", equalTo(id));
        expectAccess(person, practice, "deny");

        // the message that started the ended episode, re-sent, does not reopen it
        assertAsIngest(registered).body("relationshipId", equalTo(id));
        expectAccess(person, practice, "deny");
        given().auth().oauth2(PRIVACY_OFFICER).queryParam("personId", person).get("/api/relationships").then()
                .body("$", hasSize(1)).body("[0].startedOn", equalTo("2024-05-01"))
                .body("[0].endedBy", containsString(practice));
    }

    @Test
    void anOrganisationOutsideTheAgreementAssertsNothingAndSystemsNeverSelfClaim() {
        UUID person = UUID.randomUUID();
        String outsider = newOrgCode();
        assertAsIngest(assertion(person, outsider, "care-team", outsider, "m-1")).body("status", equalTo("UNVERIFIED"))
                .body("reason", containsString("not a sharing partner"));
        String hospital = newOrgCode();
        partner(hospital, LONG_AGO, null);
        assertAsIngest(assertion(person, hospital, "self-claimed", hospital, "m-2")).body("status", equalTo("UNVERIFIED"));
        expectAccess(person, hospital, "deny");
    }

    @Test
    void onlyIngestPassesAssertionsOn() {
        Map<String, Object> body = assertion(UUID.randomUUID(), "RKM", "care-team", "RKM", "m-1");
        given().contentType(ContentType.JSON).body(body).post("/api/relationship-assertions").then().statusCode(401);
        for (String token : List.of(TestTokens.partner("partner-rkm-pas", "RKM"), ConsentFixtures.RECORD,
                PRIVACY_OFFICER, TestTokens.user("dr", "relationship-asserter", "RKM"))) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/relationship-assertions")
                    .then().statusCode(403).contentType("application/problem+json");
        }
        assertAsIngest(Map.of("kind", "Care Team")).statusCode(400)
                .body("errors.field", equalTo(List.of("assertedBy", "kind", "orgCode", "personId", "sourceMessage")));
    }
}
