package org.kmcr.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doReturn;

import io.quarkus.test.InjectMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kmcr.common.audit.AuditClient;
import org.kmcr.common.audit.AuditEvent;
import org.kmcr.common.audit.AuditReceipt;
import org.kmcr.common.consent.AssertionOutcome;
import org.kmcr.common.consent.ConsentClient;
import org.kmcr.common.consent.SharingPartner;
import org.kmcr.common.identity.SourceIdentityIds;
import org.kmcr.common.identity.IdentityClient;
import org.kmcr.common.identity.ResolvedIdentity;
import org.kmcr.common.identity.SourcePatient;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.common.testing.AuditMocks;
import org.kmcr.common.testing.KmcrTestEnvironment;
import org.kmcr.common.testing.TestNhsNumbers;
import org.kmcr.common.testing.TestTokens;
import org.kmcr.ingest.TestBundles;

@QuarkusTest
@QuarkusTestResource(KmcrTestEnvironment.class)
class FhirIngestResourceTest {

    static final String HOSPITAL = TestTokens.partner("partner-rkm-pas", "RKM");
    static final String OTHER_PARTNER = TestTokens.partner("partner-k81001-gp", "K81001");

    @InjectMock
    IdentityClient identity;
    @InjectMock
    ConsentClient consent;
    @InjectMock
    AuditClient audit;
    @Inject
    Pool pool;

    final String patientId = TestBundles.newPatientId();
    final UUID sourceIdentityId = SourceIdentityIds.of("RKM", "partner-rkm-pas", patientId);
    final UUID personId = UUID.randomUUID();

    @BeforeEach
    void identityConsentAndAuditAnswer() {
        doAnswer(call -> {
            SourcePatient patient = call.getArgument(0, SourcePatient.class);
            return Uni.createFrom().item(new ResolvedIdentity(SourceIdentityIds.of(patient.sourceOrg(),
                    patient.sourceSystem(), patient.localId()), personId, patient.nhsNumber(), "nhs-number"));
        }).when(identity).resolve(any());
        doReturn(Uni.createFrom().item(new AssertionOutcome(AssertionOutcome.Status.VERIFIED, UUID.randomUUID(), null)))
                .when(consent).assertRelationship(any());
        doAnswer(call -> Uni.createFrom().item(new SharingPartner(call.getArgument(0), "Partner", "acute-trust", true)))
                .when(consent).sharingPartner(any());
        doAnswer(call -> Uni.createFrom().item(new AuditReceipt(call.getArgument(0, AuditEvent.class).id(), 1, "h")))
                .when(audit).record(any());
        AuditMocks.batchesRecordEachEvent(audit);
    }

    static ValidatableResponse post(String token, String bundle) {
        return given().auth().oauth2(token).contentType("application/fhir+json").body(bundle)
                .post("/fhir/r4").then();
    }

    long itemCount() {
        return pool.preparedQuery("SELECT count(*) FROM record.care_item WHERE source_identity_id = $1")
                .execute(Tuple.of(sourceIdentityId)).await().indefinitely().iterator().next().getLong(0);
    }

    @Test
    void storesEachItemWithProvenanceFromTheToken() {
        String nhsNumber = TestNhsNumbers.next();
        post(HOSPITAL, TestBundles.summary(nhsNumber, patientId)).statusCode(200)
                .contentType("application/fhir+json")
                .body("resourceType", equalTo("Bundle")).body("type", equalTo("transaction-response"))
                .body("entry.response.status", equalTo(List.of("201 Created", "201 Created", "201 Created", "201 Created")))
                .body("entry[1].response.location", containsString("AllergyIntolerance/"))
                .body("entry[1].response.location", endsWith("/_history/1"));
        assertEquals(4, itemCount());
        var row = pool.preparedQuery("SELECT source_org, source_system, code, display, status, category "
                + "FROM record.care_item WHERE source_identity_id = $1 AND resource_type = 'AllergyIntolerance'")
                .execute(Tuple.of(sourceIdentityId)).await().indefinitely().iterator().next();
        assertEquals("RKM", row.getString(0));
        assertEquals("partner-rkm-pas", row.getString(1));
        assertEquals("91936005", row.getString(2));
        assertEquals("Allergy to penicillin", row.getString(3));
        assertEquals("active", row.getString(4));
        assertEquals("allergies", row.getString(5));
        String family = pool.preparedQuery("SELECT jsonb_typeof(resource) || ':' || (resource->'name'->0->>'family') "
                + "FROM record.care_item WHERE source_identity_id = $1 AND resource_type = 'Patient'")
                .execute(Tuple.of(sourceIdentityId)).await().indefinitely().iterator().next().getString(0);
        assertEquals("object:Jones", family, "the FHIR resource is stored as a JSON object");
        var audited = pool.preparedQuery("SELECT event->>'action', event->'actor'->>'orgCode', "
                + "event->'actor'->>'role', event->'categories', event::text FROM ingest.audit_outbox "
                + "WHERE event->>'subjectNhsNumber' = $1").execute(Tuple.of(nhsNumber)).await().indefinitely();
        assertEquals(1, audited.size(), "the write's audit event is in the outbox, committed with the items");
        var event = audited.iterator().next();
        assertEquals("ingest.items.record", event.getString(0));
        assertEquals("RKM", event.getString(1));
        assertEquals("partner-system", event.getString(2));
        assertTrue(event.getValue(3).toString().contains("allergies"), event.getValue(3).toString());
        assertFalse(event.getString(4).contains("penicillin"), "identifiers and categories only, no content");
        verify(identity).resolve(argThat(p -> p.sourceOrg().equals("RKM") && p.nhsNumber().equals(nhsNumber)
                && p.demographics().family().equals("Jones") && p.demographics().postcode().equals("KM1 2AB")));
        verify(consent).assertRelationship(argThat(r -> r.orgCode().equals("K81001")
                && r.kind().equals("gp-registration") && r.personId().equals(personId)
                && r.assertedBy().orgCode().equals("RKM") && r.assertedBy().system().equals("partner-rkm-pas")
                && r.sourceMessage().startsWith("sha256:")));
    }

    @Test
    void postingTheSameBundleTwiceChangesNothing() {
        String bundle = TestBundles.summary(TestNhsNumbers.next(), patientId);
        post(HOSPITAL, bundle).statusCode(200);
        String before = pool.preparedQuery("SELECT string_agg(id || ':' || version || ':' || updated_at, ',' ORDER BY id) "
                + "FROM record.care_item WHERE source_identity_id = $1").execute(Tuple.of(sourceIdentityId))
                .await().indefinitely().iterator().next().getString(0);
        post(HOSPITAL, bundle).statusCode(200)
                .body("entry.response.status", equalTo(List.of("200 OK", "200 OK", "200 OK", "200 OK")))
                .body("entry[1].response.location", endsWith("/_history/1"));
        String after = pool.preparedQuery("SELECT string_agg(id || ':' || version || ':' || updated_at, ',' ORDER BY id) "
                + "FROM record.care_item WHERE source_identity_id = $1").execute(Tuple.of(sourceIdentityId))
                .await().indefinitely().iterator().next().getString(0);
        assertEquals(before, after);
        assertEquals(4, itemCount());
    }

    @Test
    void aChangedItemGetsANewVersion() {
        String nhsNumber = TestNhsNumbers.next();
        post(HOSPITAL, TestBundles.summary(nhsNumber, patientId)).statusCode(200);
        post(HOSPITAL, TestBundles.summary(nhsNumber, patientId, "Allergy to penicillin - anaphylaxis"))
                .statusCode(200)
                .body("entry.response.status", equalTo(List.of("200 OK", "200 OK", "200 OK", "200 OK")))
                .body("entry[1].response.location", endsWith("/_history/2"))
                .body("entry[2].response.location", endsWith("/_history/1"));
        assertEquals(4, itemCount());
    }

    @Test
    void aBadNhsNumberIsRejectedClearlyAndKeptForReplay() {
        String bundle = TestBundles.summary("9434765918", patientId);
        String deadLetter = post(HOSPITAL, bundle).statusCode(422)
                .contentType("application/fhir+json")
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo("invalid"))
                .body("issue[0].diagnostics", equalTo(
                        "NHS number fails the Modulus 11 check: the check digit (last digit) does not match"))
                .body("issue[0].expression[0]", equalTo("Bundle.entry[0].resource.identifier"))
                .body("issue[-1].diagnostics", containsString("kept as dead letter"))
                .extract().path("issue[0].diagnostics");
        assertEquals(0, itemCount());
        given().auth().oauth2(HOSPITAL).get("/api/dead-letters").then().statusCode(200)
                .body("status", hasItem(422))
                .body("error", hasItem(containsString("Modulus 11")));
        org.junit.jupiter.api.Assertions.assertNotNull(deadLetter);
    }

    @Test
    void anOrganisationOutsideTheAgreementCannotSend() {
        doReturn(Uni.createFrom().item(new SharingPartner("RKM", "Trust", "acute-trust", false)))
                .when(consent).sharingPartner("RKM");
        post(HOSPITAL, TestBundles.summary(TestNhsNumbers.next(), patientId)).statusCode(403)
                .body("issue[0].code", equalTo("forbidden"))
                .body("issue[0].diagnostics", containsString("RKM is not a sharing partner"));
        assertEquals(0, itemCount());
        org.mockito.Mockito.verify(identity, org.mockito.Mockito.never()).resolve(any());
    }

    @Test
    void textThatIsNotFhirIsRejected() {
        post(HOSPITAL, "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[{\"resource\":{\"resourceType\":\"Patient\",\"foo\":1}}]}")
                .statusCode(400).body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].diagnostics", containsString("not a valid FHIR R4 JSON Bundle"))
                .body("issue[0].diagnostics", containsString("dead letter"));
        post(HOSPITAL, "not json at all").statusCode(400).body("resourceType", equalTo("OperationOutcome"));
    }

    @Test
    void itemsMustBeAboutTheBundlesPatient() {
        String bundle = TestBundles.summary(TestNhsNumbers.next(), "p1")
                .replace("\"subject\": {\"reference\": \"Patient/p1\"},\n        \"onsetDateTime\"",
                        "\"subject\": {\"reference\": \"Patient/someone-else\"},\n        \"onsetDateTime\"");
        post(HOSPITAL, bundle).statusCode(422)
                .body("issue[0].expression[0]", equalTo("Bundle.entry[3].resource.subject"))
                .body("issue[0].diagnostics", equalTo("Every item must refer to the bundle's Patient"));
    }

    @Test
    void whenIdentityIsDownTheBundleIsKeptAndCanBeReplayed() {
        doReturn(Uni.createFrom().failure(ProblemException.unavailable(
                "The identity service is unavailable, so the patient could not be matched")))
                .when(identity).resolve(any());
        String bundle = TestBundles.summary(TestNhsNumbers.next(), patientId);
        String detail = post(HOSPITAL, bundle).statusCode(503)
                .body("issue[0].code", equalTo("transient"))
                .extract().path("issue[0].diagnostics");
        String id = detail.replaceAll(".*dead letter ([0-9a-f-]{36}).*", "$1");
        assertTrue(detail.contains("Its items are stored but not yet part of the person's record"), detail);
        assertEquals(4, itemCount());
        verify(consent, never()).assertRelationship(any());

        given().auth().oauth2(OTHER_PARTNER).get("/api/dead-letters/" + id).then().statusCode(404);
        given().auth().oauth2(HOSPITAL).get("/api/dead-letters/" + id).then().statusCode(200)
                .body("payload", equalTo(bundle)).body("state", equalTo("open"));

        identityConsentAndAuditAnswer();
        // the items were stored the first time; the replay links them and changes none
        given().auth().oauth2(HOSPITAL).post("/api/dead-letters/" + id + "/replay").then().statusCode(200)
                .body("entry.response.status", equalTo(List.of("200 OK", "200 OK", "200 OK", "200 OK")));
        assertEquals(4, itemCount());
        verify(consent).assertRelationship(any());
        given().auth().oauth2(HOSPITAL).get("/api/dead-letters/" + id).then().body("state", equalTo("replayed"))
                .body("attempts", equalTo(2));
        given().auth().oauth2(HOSPITAL).post("/api/dead-letters/" + id + "/replay").then().statusCode(409);
    }

    @Test
    void theServiceDatabaseRoleCanNeitherRewriteRemovalsNorTouchOtherSchemas() {
        for (String sql : new String[] {"DELETE FROM record.removed_item", "UPDATE record.removed_item SET reason = ''",
                "DELETE FROM ingest.dead_letter",
                "SELECT count(*) FROM audit.audit_entry", "CREATE TABLE record.extra (id int)"}) {
            Throwable refused = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                    () -> pool.query(sql).execute().await().indefinitely(), sql);
            org.junit.jupiter.api.Assertions.assertTrue(refused.getMessage().contains("permission denied")
                    || refused.getMessage().contains("does not exist"), refused.getMessage());
        }
    }

    @Test
    void onlyPartnerSystemsMaySend() {
        String bundle = TestBundles.summary(TestNhsNumbers.next(), patientId);
        given().contentType("application/fhir+json").body(bundle).post("/fhir/r4").then().statusCode(401)
                .body("resourceType", equalTo("OperationOutcome")).body("issue[0].code", equalTo("login"));
        post(TestTokens.user("dr", "clinician", "RKM"), bundle).statusCode(403)
                .body("issue[0].code", equalTo("forbidden"));
        given().get("/api/dead-letters").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.user("dr", "clinician", "RKM")).get("/api/dead-letters").then().statusCode(403);
    }
    @Test
    void aSourceIdReusedForAnotherPatientIsAConflictAndNothingIsLinkedOrAsserted() {
        post(HOSPITAL, TestBundles.summary(TestNhsNumbers.next(), patientId)).statusCode(200);
        String otherPatient = TestBundles.newPatientId();
        String reused = TestBundles.summary(TestNhsNumbers.next(), otherPatient)
                .replace(otherPatient + "-a1", patientId + "-a1");
        org.mockito.Mockito.clearInvocations(identity, consent);
        post(HOSPITAL, reused).statusCode(409).contentType("application/fhir+json")
                .body("resourceType", equalTo("OperationOutcome")).body("issue[0].code", equalTo("conflict"))
                .body("issue[0].expression[0]", equalTo("Bundle.entry[1].resource.id"))
                .body("issue[-1].diagnostics", containsString("Nothing from it was stored"));
        assertEquals(0, pool.preparedQuery("SELECT count(*) FROM record.care_item WHERE source_identity_id = $1")
                .execute(Tuple.of(SourceIdentityIds.of("RKM", "partner-rkm-pas", otherPatient))).await()
                .indefinitely().iterator().next().getLong(0));
        assertEquals(4, itemCount(), "the first patient's items are untouched");
        verify(identity, never()).resolve(any());
        verify(consent, never()).assertRelationship(any());
    }

    @Test
    void containedResourcesAreRefusedAndNothingIsLinked() {
        String bundle = TestBundles.summary(TestNhsNumbers.next(), patientId).replace(
                "\"recordedDate\": \"2019-06-01\"",
                "\"recordedDate\": \"2019-06-01\", \"contained\": [{\"resourceType\": \"Patient\", \"id\": \"x\"}]");
        post(HOSPITAL, bundle).statusCode(422)
                .body("issue[0].expression[0]", equalTo("Bundle.entry[1].resource.contained"));
        assertEquals(0, itemCount());
        verify(identity, never()).resolve(any());
    }

    @Test
    void narrativeIsDroppedAndReferencesToThePatientCarryNoName() {
        String bundle = TestBundles.summary(TestNhsNumbers.next(), patientId)
                .replace("\"patient\": {\"reference\": \"Patient/" + patientId + "\"}",
                        "\"patient\": {\"reference\": \"Patient/" + patientId + "\", \"display\": \"Mary Jones\"}, "
                        + "\"text\": {\"status\": \"generated\", \"div\": \"<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\">"
                        + "Mary Jones, HIV clinic</div>\"}");
        post(HOSPITAL, bundle).statusCode(200);
        String stored = pool.preparedQuery("SELECT resource::text FROM record.care_item WHERE source_identity_id = $1 "
                + "AND resource_type = 'AllergyIntolerance'").execute(Tuple.of(sourceIdentityId)).await().indefinitely()
                .iterator().next().getString(0);
        assertTrue(!stored.contains("Mary") && !stored.contains("HIV") && !stored.contains("\"text\""), stored);
        assertTrue(stored.contains("Patient/" + patientId), stored);
    }

    @Test
    void thePatientItemCarriesTheSendersStandingFromThePartnerRegister() {
        doReturn(Uni.createFrom().item(new SharingPartner("K81001", "Practice", "gp-practice", true)))
                .when(consent).sharingPartner("K81001");
        String practicePatient = TestBundles.newPatientId();
        post(OTHER_PARTNER, TestBundles.summary(TestNhsNumbers.next(), practicePatient)).statusCode(200);
        post(HOSPITAL, TestBundles.summary(TestNhsNumbers.next(), patientId)).statusCode(200);
        assertEquals("registered-practice", standing(SourceIdentityIds.of("K81001", "partner-k81001-gp",
                practicePatient)));
        assertEquals("other", standing(sourceIdentityId));
    }

    @Test
    void noRelationshipIsAssertedWhileTheMpiHoldsTheLinkForReview() {
        doAnswer(call -> {
            SourcePatient patient = call.getArgument(0, SourcePatient.class);
            return Uni.createFrom().item(new ResolvedIdentity(SourceIdentityIds.of(patient.sourceOrg(),
                    patient.sourceSystem(), patient.localId()), null, patient.nhsNumber(), "nhs-number",
                    org.kmcr.common.identity.LinkStatus.PENDING_REVIEW, UUID.randomUUID()));
        }).when(identity).resolve(any());
        post(HOSPITAL, TestBundles.summary(TestNhsNumbers.next(), patientId)).statusCode(200)
                .body("entry[0].response.outcome.issue[0].severity", equalTo("warning"))
                .body("entry[0].response.outcome.issue[0].diagnostics",
                        containsString("the link waits for a privacy officer's review"));
        assertEquals(4, itemCount());
        verify(consent, never()).assertRelationship(any());
    }

    @Test
    void aGpRegistrationConsentKeepsAsUnverifiedIsAWarningOnThePatientEntry() {
        doReturn(Uni.createFrom().item(new AssertionOutcome(AssertionOutcome.Status.UNVERIFIED, null,
                "RKM may not register a person with K81001. It is kept as unverified and never gives access.")))
                .when(consent).assertRelationship(any());
        post(HOSPITAL, TestBundles.summary(TestNhsNumbers.next(), patientId)).statusCode(200)
                .body("entry[0].response.status", equalTo("201 Created"))
                .body("entry[0].response.outcome.resourceType", equalTo("OperationOutcome"))
                .body("entry[0].response.outcome.issue[0].code", equalTo("business-rule"))
                .body("entry[0].response.outcome.issue[0].diagnostics", equalTo("GP registration with K81001: RKM may "
                        + "not register a person with K81001. It is kept as unverified and never gives access."))
                .body("entry[1].response.outcome", org.hamcrest.Matchers.nullValue());
        assertEquals(4, itemCount());
    }

    @Test
    void readingAndReplayingDeadLettersIsAuditedWithTheSender() {
        post(HOSPITAL, TestBundles.summary("9434765918", patientId)).statusCode(422);
        given().auth().oauth2(HOSPITAL).get("/api/dead-letters").then().statusCode(200);
        verify(audit).record(argThat(e -> e.action().equals("ingest.dead-letter.list")
                && "RKM".equals(e.actor().orgCode()) && "partner-rkm-pas".equals(e.actor().clientId())));
    }

    String standing(UUID identity) {
        return pool.preparedQuery("SELECT source_standing FROM record.care_item WHERE source_identity_id = $1 "
                + "AND resource_type = 'Patient'").execute(Tuple.of(identity)).await().indefinitely().iterator().next()
                .getString(0);
    }
}
