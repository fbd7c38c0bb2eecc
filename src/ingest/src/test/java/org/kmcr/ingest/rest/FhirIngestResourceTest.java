package org.kmcr.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
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
import org.kmcr.common.consent.ConsentClient;
import org.kmcr.common.identity.IdentityClient;
import org.kmcr.common.identity.ResolvedIdentity;
import org.kmcr.common.identity.SourcePatient;
import org.kmcr.common.problem.ProblemException;
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
    @Inject
    Pool pool;

    final UUID sourceIdentityId = UUID.randomUUID();
    final UUID personId = UUID.randomUUID();

    @BeforeEach
    void identityAndConsentAnswer() {
        doAnswer(call -> Uni.createFrom().item(new ResolvedIdentity(sourceIdentityId, personId,
                call.getArgument(0, SourcePatient.class).nhsNumber(), "nhs-number"))).when(identity).resolve(any());
        doReturn(Uni.createFrom().voidItem()).when(consent).recordRelationship(any());
        doReturn(Uni.createFrom().item(true)).when(consent).isSharingPartner(any());
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
        post(HOSPITAL, TestBundles.summary(nhsNumber, TestBundles.newPatientId())).statusCode(200)
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
        verify(identity).resolve(argThat(p -> p.sourceOrg().equals("RKM") && p.nhsNumber().equals(nhsNumber)
                && p.demographics().family().equals("Jones") && p.demographics().postcode().equals("KM1 2AB")));
        verify(consent).recordRelationship(argThat(r -> r.orgCode().equals("K81001")
                && r.kind().equals("gp-registration") && r.personId().equals(personId)));
    }

    @Test
    void postingTheSameBundleTwiceChangesNothing() {
        String bundle = TestBundles.summary(TestNhsNumbers.next(), TestBundles.newPatientId());
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
        String patientId = TestBundles.newPatientId();
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
        String bundle = TestBundles.summary("9434765918", TestBundles.newPatientId());
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
        doReturn(Uni.createFrom().item(false)).when(consent).isSharingPartner("RKM");
        post(HOSPITAL, TestBundles.summary(TestNhsNumbers.next(), TestBundles.newPatientId())).statusCode(403)
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
        String bundle = TestBundles.summary(TestNhsNumbers.next(), TestBundles.newPatientId());
        String detail = post(HOSPITAL, bundle).statusCode(503)
                .body("issue[0].code", equalTo("transient"))
                .extract().path("issue[0].diagnostics");
        String id = detail.replaceAll(".*dead letter ([0-9a-f-]{36}).*", "$1");
        assertEquals(0, itemCount());

        given().auth().oauth2(OTHER_PARTNER).get("/api/dead-letters/" + id).then().statusCode(404);
        given().auth().oauth2(HOSPITAL).get("/api/dead-letters/" + id).then().statusCode(200)
                .body("payload", equalTo(bundle)).body("state", equalTo("open"));

        identityAndConsentAnswer();
        given().auth().oauth2(HOSPITAL).post("/api/dead-letters/" + id + "/replay").then().statusCode(200)
                .body("entry.response.status", hasItem("201 Created"));
        assertEquals(4, itemCount());
        given().auth().oauth2(HOSPITAL).get("/api/dead-letters/" + id).then().body("state", equalTo("replayed"))
                .body("attempts", equalTo(2));
        given().auth().oauth2(HOSPITAL).post("/api/dead-letters/" + id + "/replay").then().statusCode(409);
    }

    @Test
    void theServiceDatabaseRoleCanNeitherDeleteItemsNorTouchOtherSchemas() {
        for (String sql : new String[] {"DELETE FROM record.care_item", "DELETE FROM ingest.dead_letter",
                "SELECT count(*) FROM audit.audit_entry", "CREATE TABLE record.extra (id int)"}) {
            Throwable refused = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                    () -> pool.query(sql).execute().await().indefinitely(), sql);
            org.junit.jupiter.api.Assertions.assertTrue(refused.getMessage().contains("permission denied")
                    || refused.getMessage().contains("does not exist"), refused.getMessage());
        }
    }

    @Test
    void onlyPartnerSystemsMaySend() {
        String bundle = TestBundles.summary(TestNhsNumbers.next(), TestBundles.newPatientId());
        given().contentType("application/fhir+json").body(bundle).post("/fhir/r4").then().statusCode(401)
                .body("resourceType", equalTo("OperationOutcome")).body("issue[0].code", equalTo("login"));
        post(TestTokens.user("dr", "clinician", "RKM"), bundle).statusCode(403)
                .body("issue[0].code", equalTo("forbidden"));
        given().get("/api/dead-letters").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.user("dr", "clinician", "RKM")).get("/api/dead-letters").then().statusCode(403);
    }
}
