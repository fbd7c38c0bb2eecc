package org.kmcr.identity.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kmcr.common.identity.LinkStatus;
import org.kmcr.common.identity.ResolvedIdentity;
import org.kmcr.common.identity.SourceIdentityIds;
import org.kmcr.common.testing.KmcrTestEnvironment;
import org.kmcr.common.testing.TestNhsNumbers;

@QuarkusTest
@QuarkusTestResource(KmcrTestEnvironment.class)
class SourceIdentityResourceTest {

    @Inject
    Pool pool;

    @Test
    void resolvingTheSamePatientTwiceGivesTheSameIds() {
        String nhsNumber = TestNhsNumbers.next();
        Map<String, Object> patient = Patients.patient(nhsNumber);
        JsonPath first = Patients.resolve(patient);
        JsonPath second = Patients.resolve(patient);

        assertEquals(first.getString("sourceIdentityId"), second.getString("sourceIdentityId"));
        assertEquals(first.getString("personId"), second.getString("personId"));
        assertEquals(nhsNumber, second.getString("nhsNumber"));
        assertEquals("nhs-number", second.getString("linkMethod"));
        assertEquals("linked", second.getString("linkStatus"));
        assertEquals(1, links(first.getString("sourceIdentityId")).size());
    }

    @Test
    void theAnswerIsTheSharedContractAndTheIdIsComputedFromTheSourceKeyAlone() {
        String nhsNumber = TestNhsNumbers.next();
        String localId = "PAS-" + UUID.randomUUID();
        ResolvedIdentity answer = given().auth().oauth2(Patients.INGEST).contentType(ContentType.JSON)
                .body(Patients.patient("RKM", "partner-rkm-pas", localId, nhsNumber))
                .post(Patients.RESOLVE).then().statusCode(200).extract().as(ResolvedIdentity.class);

        assertEquals(SourceIdentityIds.of("RKM", "partner-rkm-pas", localId), answer.sourceIdentityId());
        assertEquals(LinkStatus.LINKED, answer.linkStatus());
        assertTrue(answer.linked());
        assertNotNull(answer.personId());
        assertNull(answer.reviewId());
        assertEquals(nhsNumber, answer.nhsNumber());
    }

    @Test
    void twoSourcesWithTheSameNhsNumberAreOnePerson() {
        String nhsNumber = TestNhsNumbers.next();
        JsonPath hospital = Patients.resolve(Patients.patient("RKM", "partner-rkm-pas", "PAS-1", nhsNumber));
        JsonPath surgery = Patients.resolve(Patients.patient("G81001", "gp-emis", "E-77", nhsNumber));

        assertNotEquals(hospital.getString("sourceIdentityId"), surgery.getString("sourceIdentityId"));
        assertEquals(hospital.getString("personId"), surgery.getString("personId"));
        given().auth().oauth2(Patients.RECORD).queryParam("nhsNumber", nhsNumber).get("/api/persons")
                .then().statusCode(200)
                .body("personId", equalTo(hospital.getString("personId")))
                .body("sourceIdentities", hasSize(2))
                .body("sourceIdentities.sourceOrg", hasItems("RKM", "G81001"))
                .body("sourceIdentities.localId", hasItems("PAS-1", "E-77"))
                .body("sourceIdentities.sourceIdentityId",
                        hasItems(hospital.getString("sourceIdentityId"), surgery.getString("sourceIdentityId")));
    }

    @Test
    void aChangedNhsNumberMovesTheSourceIdentityToAnotherPersonAndKeepsTheOldLink() {
        String wrong = TestNhsNumbers.next();
        String corrected = TestNhsNumbers.next();
        Map<String, Object> patient = Patients.patient(wrong);
        JsonPath before = Patients.resolve(patient);
        patient.put("nhsNumber", corrected);
        JsonPath after = Patients.resolve(patient);

        String sourceIdentityId = before.getString("sourceIdentityId");
        assertEquals(sourceIdentityId, after.getString("sourceIdentityId"));
        assertNotEquals(before.getString("personId"), after.getString("personId"));
        assertEquals(corrected, after.getString("nhsNumber"));
        given().auth().oauth2(Patients.RECORD).queryParam("nhsNumber", wrong).get("/api/persons")
                .then().statusCode(200).body("sourceIdentities", hasSize(0));
        given().auth().oauth2(Patients.RECORD).get("/api/persons/" + after.getString("personId"))
                .then().statusCode(200).body("sourceIdentities.sourceIdentityId", equalTo(List.of(sourceIdentityId)));
        // the replaced decision is kept, deactivated, so it can be explained (and undone) later
        List<Row> links = links(sourceIdentityId);
        assertEquals(2, links.size());
        assertEquals(before.getString("personId"), links.get(0).getUUID("person_id").toString());
        assertEquals("inactive", links.get(0).getString("state"));
        assertNotNull(links.get(0).getOffsetDateTime("deactivated_at"));
        assertEquals(after.getString("personId"), links.get(1).getUUID("person_id").toString());
        assertEquals("active", links.get(1).getString("state"));
    }

    @Test
    void theLinkRecordsHowItWasDecidedAndTheSourceIdentityKeepsTheLatestDemographics() {
        Map<String, Object> patient = Patients.patient(TestNhsNumbers.next());
        String sourceIdentityId = Patients.resolve(patient).getString("sourceIdentityId");
        patient.put("demographics", Map.of("family", "Smith", "given", List.of("Mary", "Ann"), "postcode", "KM2 2BB"));
        Patients.resolve(patient);
        patient.remove("demographics");
        Patients.resolve(patient);

        Row link = links(sourceIdentityId).get(0);
        assertEquals("nhs-number", link.getString("method"));
        assertEquals(0, link.getBigDecimal("score").compareTo(BigDecimal.ONE));
        assertEquals("a valid NHS number not known before", link.getJsonObject("evidence").getString("nhsNumber"));
        assertEquals("no linked source identity to compare", link.getJsonObject("evidence").getString("demographics"));
        Row stored = pool.preparedQuery("SELECT demographics FROM identity.source_identity WHERE id = $1")
                .execute(Tuple.of(UUID.fromString(sourceIdentityId))).await().indefinitely().iterator().next();
        assertEquals(Map.of("family", "Smith", "given", List.of("Mary", "Ann"), "postcode", "KM2 2BB"),
                stored.getJsonObject("demographics").getMap());
    }

    @Test
    void eachChangeOfDemographicsIsKeptAsAVersionAndTheKeysFollowTheLatest() {
        Map<String, Object> patient = Patients.patient(TestNhsNumbers.next());
        patient.put("demographics", Map.of("family", "Jones", "given", List.of("Mary"), "birthDate", "1970-01-01",
                "town", "Leeds", "postcode", "KM1 1AA"));
        UUID id = UUID.fromString(Patients.resolve(patient).getString("sourceIdentityId"));
        Patients.resolve(patient);
        assertEquals(1, versions(id));
        patient.put("demographics", Map.of("family", "Jones", "given", List.of("Mary"), "birthDate", "1970-01-01",
                "town", "York", "postcode", "KM2 2BB"));
        Patients.resolve(patient);
        patient.remove("demographics");
        Patients.resolve(patient);

        assertEquals(2, versions(id));
        Row stored = pool.preparedQuery("SELECT blocking_keys::text, town_name, demographics->>'town'"
                + " FROM identity.source_identity WHERE id = $1").execute(Tuple.of(id)).await().indefinitely()
                .iterator().next();
        assertTrue(stored.getString(0).contains("p:KM22BB") && !stored.getString(0).contains("KM11AA"),
                stored.getString(0));
        assertEquals("york", stored.getString(1));
        assertEquals("York", stored.getString(2));
    }

    private long versions(UUID id) {
        return pool.preparedQuery("SELECT count(*) FROM identity.source_identity_version WHERE source_identity_id = $1")
                .execute(Tuple.of(id)).await().indefinitely().iterator().next().getLong(0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "null", "9434765918", "943476591", "1000000010"})
    void withoutAValidNhsNumberThePatientIsMatchedOnDemographicsAndTheNumberIsNeverAKey(String nhsNumber) {
        java.util.Random random = new java.util.Random();
        String family = random.ints(10, 'a', 'z' + 1).collect(StringBuilder::new, StringBuilder::appendCodePoint,
                StringBuilder::append).toString();
        String born = String.format("%04d-%02d-%02d", 1900 + random.nextInt(100), 1 + random.nextInt(12),
                1 + random.nextInt(28));
        Map<String, Object> demographics = Map.of("family", family, "given", List.of("Anna"), "birthDate", born,
                "gender", "female", "postcode", "ZZ" + random.nextInt(99) + " " + random.nextInt(9) + "ZZ");
        Map<String, Object> first = Patients.patient(nhsNumber);
        first.put("demographics", demographics);
        JsonPath created = Patients.resolve(first);
        assertEquals("new-person", created.getString("linkMethod"));
        assertNull(created.getString("nhsNumber"));
        Map<String, Object> again = Patients.patient("G81001", "gp-emis", "E-" + UUID.randomUUID(), nhsNumber);
        again.put("demographics", demographics);
        JsonPath matched = Patients.resolve(again);
        assertEquals("demographics", matched.getString("linkMethod"));
        assertEquals("linked", matched.getString("linkStatus"));
        assertEquals(created.getString("personId"), matched.getString("personId"));
        Row stored = pool.preparedQuery("SELECT nhs_number, blocking_keys::text FROM identity.source_identity WHERE id = $1")
                .execute(Tuple.of(UUID.fromString(created.getString("sourceIdentityId")))).await().indefinitely()
                .iterator().next();
        assertNull(stored.getString(0));
        assertTrue(java.util.Arrays.stream(stored.getString(1).replaceAll("[{}]", "").split(","))
                .noneMatch(key -> key.startsWith("n:")), stored.getString(1));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "null|NHS number is missing",
        "9434765918|NHS number fails the Modulus 11 check: the check digit (last digit) does not match"})
    void withNeitherAValidNhsNumberNorEnoughDemographicsNothingIsStoredAndTheSenderIsToldWhy(String nhsNumber,
            String reason) {
        Map<String, Object> patient = Patients.patient(nhsNumber);
        patient.put("demographics", Map.of("given", List.of("Mary"), "gender", "female", "town", "Maidstone"));
        given().auth().oauth2(Patients.INGEST).contentType(ContentType.JSON).body(patient)
                .post(Patients.RESOLVE).then().statusCode(422)
                .contentType("application/problem+json")
                .body("status", equalTo(422))
                .body("detail", containsString(reason))
                .body("detail", containsString("send a valid NHS number, or at least a family name or first name"));
        long stored = pool.preparedQuery("SELECT count(*) FROM identity.source_identity WHERE local_id = $1")
                .execute(Tuple.of(patient.get("localId"))).await().indefinitely().iterator().next().getLong(0);
        assertEquals(0, stored);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "sourceOrg|''",
        "sourceSystem|' '",
        "localId|",
        "demographics.gender|F",
        "demographics.birthDate|01/01/1970"})
    void anIncompleteOrMalformedPatientIsABadRequestNamingTheField(String field, String value) {
        Map<String, Object> patient = Patients.patient(TestNhsNumbers.next());
        if (field.startsWith("demographics.")) {
            Map<String, Object> demographics = new HashMap<>(Map.of("family", "Jones"));
            demographics.put(field.substring("demographics.".length()), value);
            patient.put("demographics", demographics);
        } else {
            patient.put(field, value);
        }
        given().auth().oauth2(Patients.INGEST).contentType(ContentType.JSON).body(patient)
                .post(Patients.RESOLVE).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of(field)));
    }

    @Test
    void aPatientWithNoSourceKeyListsEveryMissingField() {
        given().auth().oauth2(Patients.INGEST).contentType(ContentType.JSON)
                .body(Map.of("nhsNumber", TestNhsNumbers.next()))
                .post(Patients.RESOLVE).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("localId", "sourceOrg", "sourceSystem")));
    }

    @Test
    void theServiceDatabaseRoleCannotDeleteIdentities() {
        Patients.resolve(Patients.patient(TestNhsNumbers.next()));
        for (String table : new String[] {"person", "source_identity", "identity_link", "link_review"}) {
            String sql = "DELETE FROM identity." + table;
            Throwable refused = assertThrows(Exception.class,
                    () -> pool.query(sql).execute().await().indefinitely(), sql);
            assertTrue(refused.getMessage().contains("permission denied"), refused.getMessage());
        }
    }

    private List<Row> links(String sourceIdentityId) {
        List<Row> rows = new ArrayList<>();
        pool.preparedQuery("SELECT * FROM identity.identity_link WHERE source_identity_id = $1 ORDER BY created_at")
                .execute(Tuple.of(UUID.fromString(sourceIdentityId))).await().indefinitely().forEach(rows::add);
        return rows;
    }
}
