package org.kmcr.record.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.quarkus.test.InjectMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kmcr.common.audit.AuditClient;
import org.kmcr.common.audit.AuditEvent;
import org.kmcr.common.audit.AuditReceipt;
import org.kmcr.common.consent.AccessDecision;
import org.kmcr.common.consent.Action;
import org.kmcr.common.consent.Basis;
import org.kmcr.common.consent.BreakGlassReason;
import org.kmcr.common.consent.CareCategory;
import org.kmcr.common.consent.Effect;
import org.kmcr.common.consent.ItemRule;
import org.kmcr.common.consent.Obligation;
import org.kmcr.common.consent.ReasonCode;
import org.kmcr.common.consent.Redaction;
import org.kmcr.common.consent.ConsentClient;
import org.kmcr.common.identity.IdentityClient;
import org.kmcr.common.identity.PersonIdentities;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.common.record.Provenance;
import org.kmcr.common.record.RecordItem;
import org.kmcr.common.record.RecordSummary;
import org.kmcr.common.testing.KmcrTestEnvironment;
import org.kmcr.common.testing.TestNhsNumbers;
import org.kmcr.common.testing.TestTokens;
import org.kmcr.record.RecordFixtures;

@QuarkusTest
@QuarkusTestResource(KmcrTestEnvironment.class)
class RecordResourceTest {

    /** Sent as FHIR clients send it: the $ of the operation name is not percent-encoded. */
    static final String FHIR_SUMMARY = "/fhir/r4/Patient/$summary";
    static final String CLINICIAN = TestTokens.user("dr.reed", "clinician", "RKM");
    static final List<CareCategory> ALL = List.of(CareCategory.DEMOGRAPHICS, CareCategory.MEDICATIONS,
            CareCategory.ALLERGIES, CareCategory.CONDITIONS);
    static final List<Obligation> AUDIT = List.of(Obligation.AUDIT_DISCLOSURE);
    static final List<Obligation> AUDIT_AND_ALERT = List.of(Obligation.AUDIT_DISCLOSURE,
            Obligation.ALERT_PRIVACY_OFFICER);

    @InjectMock
    IdentityClient identity;
    @InjectMock
    ConsentClient consent;
    @InjectMock
    AuditClient audit;
    @Inject
    Pool pool;

    String nhsNumber;
    UUID personId;
    Map<String, UUID> items;

    @BeforeEach
    void aPersonWithASummary() {
        nhsNumber = TestNhsNumbers.next();
        personId = UUID.randomUUID();
        UUID sourceIdentity = UUID.randomUUID();
        items = RecordFixtures.summaryOf(sourceIdentity, nhsNumber);
        doReturn(Uni.createFrom().item(new PersonIdentities(personId, nhsNumber, List.of(
                new PersonIdentities.SourceIdentityRef(sourceIdentity, "RKM", "partner-rkm-pas", "p1")))))
                .when(identity).findByNhsNumber(nhsNumber);
        doReturn(Uni.createFrom().nullItem()).when(identity).findByNhsNumber(argThat(n -> !nhsNumber.equals(n)));
        decides(permit(Basis.RELATIONSHIP, "gp-registration", ALL, AUDIT));
        doAnswer(call -> Uni.createFrom().item(new AuditReceipt(call.getArgument(0, AuditEvent.class).id(), 42, "h")))
                .when(audit).record(any());
        doReturn(Uni.createFrom().voidItem()).when(consent).alertPrivacyOfficer(any());
        doReturn(Uni.createFrom().voidItem()).when(consent).selfClaim(any());
    }

    static AccessDecision permit(Basis basis, String kind, List<CareCategory> categories,
            List<Obligation> obligations) {
        return permit(basis, kind, categories, List.of(), List.of(), obligations);
    }

    static AccessDecision permit(Basis basis, String kind, List<CareCategory> categories, List<ItemRule> rules,
            List<Redaction> redactions, List<Obligation> obligations) {
        return new AccessDecision(Effect.PERMIT, basis, kind, null, "permitted for the test", categories, rules,
                redactions, obligations, null);
    }

    /** What consent decides about the person; for a person KMCR does not hold, it says there is no record. */
    void decides(AccessDecision decision) {
        doReturn(Uni.createFrom().item(decision)).when(consent).decide(argThat(r -> r.personId() != null));
        doReturn(Uni.createFrom().item(AccessDecision.deny(ReasonCode.NO_RECORD,
                "KMCR holds no record for this NHS number.")))
                .when(consent).decide(argThat(r -> r.personId() == null));
    }

    @Test
    void aClinicianWithARelationshipSeesTheSummaryWithProvenanceOnceAudited() {
        given().auth().oauth2(CLINICIAN).get("/api/records/" + nhsNumber + "/summary").then().statusCode(200)
                .body("person.nhsNumber", equalTo(nhsNumber))
                .body("person.name", equalTo("Mary Jones"))
                .body("person.registeredGpPractices", equalTo(List.of("K81001")))
                .body("access.basis", equalTo("gp-registration"))
                .body("access.auditEventId", org.hamcrest.Matchers.notNullValue())
                .body("access", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("auditSequence")))
                .body("access.privacyOfficerAlerted", equalTo(false))
                .body("categories.allergies", hasSize(1))
                .body("categories.allergies[0].display", equalTo("Allergy to penicillin"))
                .body("categories.allergies[0].sources[0].sourceOrg", equalTo("RKM"))
                .body("categories.allergies[0].sources[0].sourceSystem", equalTo("partner-rkm-pas"))
                .body("categories.medications[0].code", equalTo("318845001"))
                .body("categories.conditions[0].display", equalTo("Hypertensive disorder"));
        verify(audit).record(argThat(event -> event.outcome().equals("permitted")
                && event.actor().orgCode().equals("RKM") && event.actor().role().equals("clinician")
                && event.subjectNhsNumber().equals(nhsNumber) && event.categories().equals(
                        List.of("allergies", "conditions", "demographics", "medications"))));
        verify(consent).decide(argThat(request -> request.personId().equals(personId)
                && request.caller().orgCode().equals("RKM") && request.breakGlass() == null
                && request.action() == Action.SUMMARY));
    }

    @Test
    void theSummaryIsTheCommonRecordContractWithEveryCategoryKeyed() {
        RecordSummary summary = given().auth().oauth2(CLINICIAN).get("/api/records/" + nhsNumber + "/summary")
                .then().statusCode(200).extract().as(RecordSummary.class);
        assertEquals(java.util.Arrays.stream(CareCategory.values()).map(CareCategory::code).toList(),
                List.copyOf(summary.categories().keySet()));
        RecordItem allergy = summary.categories().get("allergies").get(0);
        assertEquals(items.get("allergies"), allergy.id());
        assertEquals("allergies", allergy.category());
        assertEquals(List.of("RKM"), allergy.sources().stream().map(Provenance::sourceOrg).toList());
        assertEquals(nhsNumber, summary.person().nhsNumber());
        assertEquals("gp-registration", summary.access().basis());
    }

    @Test
    void onlyPermittedCategoriesAreReadOrShown() {
        decides(permit(Basis.RELATIONSHIP, "social-care-allocation",
                List.of(CareCategory.DEMOGRAPHICS, CareCategory.ALLERGIES), AUDIT));
        given().auth().oauth2(TestTokens.user("sam", "social-worker", "KMSC1"))
                .get("/api/records/" + nhsNumber + "/summary").then().statusCode(200)
                .body("categories.allergies", hasSize(1)).body("categories.medications", hasSize(0)).body("categories.conditions", hasSize(0));
        verify(audit).record(argThat(e -> e.categories().equals(List.of("allergies", "demographics"))));
    }

    @Test
    void withoutARelationshipTheAnswerIs403WithTheReasonAndTheAttemptIsAudited() {
        decides(AccessDecision.deny(ReasonCode.NO_LEGITIMATE_RELATIONSHIP,
                "RKM has no legitimate relationship with this person."));
        given().auth().oauth2(CLINICIAN).get("/api/records/" + nhsNumber + "/summary").then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", equalTo("RKM has no legitimate relationship with this person."));
        verify(audit).record(argThat(e -> e.outcome().equals("denied") && e.categories().isEmpty()));
    }

    @Test
    void breakingGlassPassesTheReasonAndIsAuditedAsSuch() {
        decides(permit(Basis.BREAK_GLASS, null, ALL, AUDIT_AND_ALERT));
        String eventId = given().auth().oauth2(CLINICIAN).contentType(ContentType.JSON)
                .body(Map.of("reason", "vital-interests", "text", "  Unconscious in ED, no history available  "))
                .post("/api/records/" + nhsNumber + "/break-glass").then().statusCode(200)
                .body("access.brokeGlass", equalTo(true)).body("access.privacyOfficerAlerted", equalTo(true))
                .body("access.obligations", equalTo(List.of("alert-privacy-officer", "audit-disclosure")))
                .extract().path("access.auditEventId");
        String statement = "vital-interests: Unconscious in ED, no history available";
        verify(consent).decide(argThat(r -> r.breakGlass() != null
                && r.breakGlass().reason() == BreakGlassReason.VITAL_INTERESTS
                && "Unconscious in ED, no history available".equals(r.breakGlass().text())));
        verify(audit).record(argThat(e -> e.accessBasis().equals("break-glass")
                && e.breakGlassReason().equals(statement)));
        verify(consent).alertPrivacyOfficer(argThat(alert -> alert.auditEventId().toString().equals(eventId)
                && alert.personId().equals(personId) && alert.basis() == Basis.BREAK_GLASS
                && alert.caller().orgCode().equals("RKM") && alert.reason().equals(statement)));
    }

    @Test
    void whenNoPrivacyOfficerCanBeAlertedNothingIsDisclosed() {
        decides(permit(Basis.SELF_CLAIMED, "self-claimed", ALL, AUDIT_AND_ALERT));
        doReturn(Uni.createFrom().failure(ProblemException.unavailable("The consent service is unavailable, so no "
                + "privacy officer could be alerted. Try again shortly."))).when(consent).alertPrivacyOfficer(any());
        given().auth().oauth2(CLINICIAN).get("/api/records/" + nhsNumber + "/summary").then().statusCode(503)
                .body(org.hamcrest.Matchers.not(containsString("penicillin")));
    }

    @Test
    void aSelfClaimIsRecordedWithTheCallerFromTheTokenThenTheSummaryIsShown() {
        decides(permit(Basis.SELF_CLAIMED, "self-claimed", ALL, AUDIT_AND_ALERT));
        given().auth().oauth2(CLINICIAN).contentType(ContentType.JSON)
                .body(Map.of("reason", "  District nurse visiting this week  "))
                .post("/api/records/" + nhsNumber + "/self-claim").then().statusCode(200)
                .body("access.basis", equalTo("self-claimed")).body("access.privacyOfficerAlerted", equalTo(true));
        verify(consent).selfClaim(argThat(claim -> claim.personId().equals(personId)
                && claim.caller().orgCode().equals("RKM") && claim.reason().equals("District nurse visiting this week")));
        verify(consent).alertPrivacyOfficer(argThat(alert -> alert.basis() == Basis.SELF_CLAIMED));
        given().auth().oauth2(CLINICIAN).contentType(ContentType.JSON).body(Map.of("reason", "short"))
                .post("/api/records/" + nhsNumber + "/self-claim").then().statusCode(400);
        given().auth().oauth2(TestTokens.patient("mary", nhsNumber)).contentType(ContentType.JSON)
                .body(Map.of("reason", "District nurse visiting this week"))
                .post("/api/records/" + nhsNumber + "/self-claim").then().statusCode(403);
    }

    @Test
    void theHeaderFollowsTheSourcePrecedenceNotTheLastPatientReceived() {
        String number = TestNhsNumbers.next();
        UUID person = UUID.randomUUID();
        UUID practice = UUID.randomUUID();
        UUID hospital = UUID.randomUUID();
        UUID pds = UUID.randomUUID();
        RecordFixtures.patientFrom("K81001", "registered-practice", practice, number, "Jones", "K81001", "KM1 2AB");
        RecordFixtures.patientFrom("RKM", "other", hospital, number, "Jomes", "RKM", null);
        doReturn(Uni.createFrom().item(new PersonIdentities(person, number, List.of(
                new PersonIdentities.SourceIdentityRef(practice, "K81001", "partner-k81001", "g1"),
                new PersonIdentities.SourceIdentityRef(hospital, "RKM", "partner-rkm", "h1")))))
                .when(identity).findByNhsNumber(number);
        given().auth().oauth2(CLINICIAN).get("/api/records/" + number + "/summary").then().statusCode(200)
                .body("person.name", equalTo("Mary Jones")).body("person.postcode", equalTo("KM1 2AB"))
                .body("person.registeredGpPractices", equalTo(List.of("K81001")))
                .body("person.headerSource", equalTo("K81001"));

        RecordFixtures.patientFrom("X26", "registration-authority", pds, number, "Jones-Smith", "K81002", "KM9 9ZZ");
        doReturn(Uni.createFrom().item(new PersonIdentities(person, number, List.of(
                new PersonIdentities.SourceIdentityRef(practice, "K81001", "partner-k81001", "g1"),
                new PersonIdentities.SourceIdentityRef(hospital, "RKM", "partner-rkm", "h1"),
                new PersonIdentities.SourceIdentityRef(pds, "X26", "partner-x26", "x1")))))
                .when(identity).findByNhsNumber(number);
        given().auth().oauth2(CLINICIAN).get("/api/records/" + number + "/summary").then().statusCode(200)
                .body("person.name", equalTo("Mary Jones-Smith")).body("person.postcode", equalTo("KM9 9ZZ"))
                .body("person.headerSource", equalTo("X26"));
    }

    @Test
    void breakingGlassNeedsAReason() {
        given().auth().oauth2(CLINICIAN).contentType(ContentType.JSON)
                .body(Map.of("reason", "emergency-care", "text", "because"))
                .post("/api/records/" + nhsNumber + "/break-glass").then().statusCode(400)
                .body("errors[0].field", equalTo("text"))
                .body("errors[0].message", equalTo("the reason must be between 10 and 1000 characters"));
        given().auth().oauth2(CLINICIAN).contentType(ContentType.JSON)
                .body(Map.of("reason", "emergency-care", "text", "   because      "))
                .post("/api/records/" + nhsNumber + "/break-glass").then().statusCode(400)
                .body("errors[0].field", equalTo("text"));
        given().auth().oauth2(CLINICIAN).contentType(ContentType.JSON)
                .body(Map.of("text", "Unconscious in ED, no history available"))
                .post("/api/records/" + nhsNumber + "/break-glass").then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        verify(consent, never()).decide(any());
    }

    @Test
    void whenAuditIsDownNothingIsDisclosed() {
        // what AuditClient answers when audit cannot commit (the end-to-end suite stops the real service)
        doReturn(Uni.createFrom().failure(ProblemException.unavailable(
                "The audit service is unavailable, so nothing was disclosed. Try again shortly.")))
                .when(audit).record(any());
        given().auth().oauth2(CLINICIAN).get("/api/records/" + nhsNumber + "/summary").then().statusCode(503)
                .contentType("application/problem+json")
                .body("detail", equalTo("The audit service is unavailable, so nothing was disclosed. Try again shortly."))
                .body(org.hamcrest.Matchers.not(containsString("penicillin")));
    }

    @Test
    void whenConsentIsDownNothingIsDisclosed() {
        doReturn(Uni.createFrom().failure(ProblemException.unavailable(
                "The consent service is unavailable, so access could not be decided. Try again shortly.")))
                .when(consent).decide(any());
        given().auth().oauth2(CLINICIAN).get("/api/records/" + nhsNumber + "/summary").then().statusCode(503);
        verify(audit, never()).record(any());
    }

    @Test
    void theFhirSummaryIsABundleOfTheStoredResources() {
        given().urlEncodingEnabled(false).auth().oauth2(CLINICIAN)
                .queryParam("identifier", "https://fhir.nhs.uk/Id/nhs-number%7C" + nhsNumber)
                .get(FHIR_SUMMARY).then().statusCode(200)
                .contentType("application/fhir+json")
                .body("resourceType", equalTo("Bundle")).body("type", equalTo("collection"))
                .body("entry", hasSize(4))
                .body("entry.resource.resourceType",
                        org.hamcrest.Matchers.hasItems("Patient", "AllergyIntolerance", "MedicationStatement", "Condition"))
                .body("entry.fullUrl", org.hamcrest.Matchers.hasItem("urn:uuid:" + items.get("allergies")));
        given().urlEncodingEnabled(false).auth().oauth2(CLINICIAN).queryParam("identifier", "urn:other%7C1")
                .get(FHIR_SUMMARY).then().statusCode(400)
                .body("resourceType", equalTo("OperationOutcome"));
    }

    @Test
    void unknownAndMalformedNhsNumbers() {
        given().auth().oauth2(CLINICIAN).get("/api/records/9434765918/summary").then().statusCode(400)
                .body("detail", containsString("Modulus 11"));
        given().auth().oauth2(CLINICIAN).get("/api/records/" + TestNhsNumbers.next() + "/summary").then()
                .statusCode(404).body("detail", equalTo("KMCR holds no record for this NHS number."));
        verify(audit).record(argThat(e -> e.outcome().equals("not-found") && e.subjectPersonId() == null));
        verify(consent).decide(argThat(r -> r.personId() == null));
    }

    @Test
    void securedForPeopleInTheirRoles() {
        given().get("/api/records/" + nhsNumber + "/summary").then().statusCode(401);
        given().auth().oauth2(TestTokens.partner("partner-rkm-pas", "RKM"))
                .get("/api/records/" + nhsNumber + "/summary").then().statusCode(403);
        given().urlEncodingEnabled(false).auth().oauth2(TestTokens.user("ravi", "analyst", "QKM"))
                .get(FHIR_SUMMARY).then().statusCode(403)
                .body("resourceType", equalTo("OperationOutcome"));
        given().auth().oauth2(TestTokens.patient("mary", nhsNumber)).contentType(ContentType.JSON)
                .body(Map.of("reason", "emergency-care", "text", "Unconscious in ED"))
                .post("/api/records/" + nhsNumber + "/break-glass")
                .then().statusCode(403);
    }

    @Test
    void theServiceDatabaseRoleCanOnlyRead() {
        for (String sql : new String[] {"UPDATE record.care_item SET status = 'x'", "DELETE FROM record.care_item",
                "INSERT INTO record.care_item (id) VALUES (gen_random_uuid())"}) {
            Throwable refused = assertThrows(Exception.class, () -> pool.query(sql).execute().await().indefinitely());
            assertTrue(refused.getMessage().contains("permission denied"), refused.getMessage());
        }
        assertEquals(Boolean.TRUE, pool.query("SELECT count(*) > 0 FROM record.care_item").execute()
                .await().indefinitely().iterator().next().getBoolean(0));
    }
}
