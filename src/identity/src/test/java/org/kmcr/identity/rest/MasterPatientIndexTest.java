package org.kmcr.identity.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.verify;

import io.quarkus.test.InjectMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.Uni;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kmcr.common.audit.AuditClient;
import org.kmcr.common.audit.AuditReceipt;
import org.kmcr.common.testing.AuditMocks;
import org.kmcr.common.testing.KmcrTestEnvironment;
import org.kmcr.common.testing.TestNhsNumbers;
import org.kmcr.common.testing.TestTokens;

/** The MPI without NHS numbers: possible matches and their review, merges and unmerges, search, explanations. */
@QuarkusTest
@QuarkusTestResource(KmcrTestEnvironment.class)
class MasterPatientIndexTest {

    static final String CLINICIAN = TestTokens.user("dr", "clinician", "RKM");
    final Random random = new Random();

    @InjectMock
    AuditClient audit;

    @BeforeEach
    void auditCommits() {
        doReturn(Uni.createFrom().item(new AuditReceipt(UUID.randomUUID(), 1, "hash"))).when(audit).record(any());
        AuditMocks.batchesRecordEachEvent(audit);
    }

    /** A person nobody else in the test database shares a name, birth date or postcode with. */
    Map<String, Object> someone(String given) {
        String family = random.ints(9, 'a', 'z' + 1).collect(StringBuilder::new, StringBuilder::appendCodePoint,
                StringBuilder::append).toString();
        Map<String, Object> d = new HashMap<>();
        d.put("family", family);
        d.put("given", List.of(given));
        d.put("birthDate", String.format("%04d-%02d-%02d", 1900 + random.nextInt(100), 1 + random.nextInt(12),
                1 + random.nextInt(12)));
        d.put("gender", "female");
        d.put("postcode", "ZX" + random.nextInt(99) + " " + random.nextInt(9) + "QQ");
        return d;
    }

    static Map<String, Object> record(Map<String, Object> demographics) {
        Map<String, Object> body = new HashMap<>();
        body.put("sourceOrg", "RKM");
        body.put("sourceSystem", "partner-rkm-pas");
        body.put("localId", "PAS-" + UUID.randomUUID());
        body.put("demographics", demographics);
        return body;
    }

    static Map<String, Object> with(Map<String, Object> demographics, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(demographics);
        if (value == null) {
            changed.remove(field);
        } else {
            changed.put(field, value);
        }
        return changed;
    }

    static JsonPath person(String personId) {
        return given().auth().oauth2(Patients.RECORD).redirects().follow(false).get("/api/persons/" + personId)
                .then().extract().jsonPath();
    }

    static Set<String> sources(String personId) {
        return new TreeSet<>(person(personId).getList("sourceIdentities.sourceIdentityId"));
    }

    @Test
    void aNicknameATypoAndSwappedDayAndMonthStillLinkWithoutAnNhsNumber() {
        Map<String, Object> mary = someone("Margaret");
        JsonPath first = Patients.resolve(record(mary));
        String born = (String) mary.get("birthDate");
        String swapped = born.substring(0, 5) + born.substring(8) + "-" + born.substring(5, 7);
        JsonPath second = Patients.resolve(record(with(with(mary, "given", List.of("Maggie")), "birthDate",
                swapped)));

        assertEquals("new-person", first.getString("linkMethod"));
        assertEquals("demographics", second.getString("linkMethod"));
        assertEquals(first.getString("personId"), second.getString("personId"));
        assertTrue(second.getDouble("score") >= 0.99, second.prettify());
    }

    @Test
    void aPossibleMatchWaitsForReviewAndALinkDecisionJoinsThePerson() {
        // a first name of its own, so that no other test's Anna shares her names block (see docs/architecture.md)
        Map<String, Object> anna = someone("Anna" + someone("x").get("family"));
        JsonPath known = Patients.resolve(record(anna));
        // the same name, nothing else said: a possible match, not a certain one
        JsonPath possible = Patients.resolve(record(with(with(anna, "birthDate", null), "postcode", null)));

        assertEquals("pending-review", possible.getString("linkStatus"));
        assertNull(possible.getString("personId"));
        String reviewId = possible.getString("reviewId");
        JsonPath review = given().auth().oauth2(Patients.PRIVACY_OFFICER).queryParam("status", "open")
                .get(Patients.REVIEWS).then().statusCode(200).extract().jsonPath();
        String at = "find { it.id == '" + reviewId + "' }";
        assertEquals("possible-match", review.getString(at + ".kind"));
        assertEquals(known.getString("sourceIdentityId"), review.getString(at + ".linked[0].sourceIdentityId"));
        assertTrue(review.getString(at + ".linked[0].evidence.family").startsWith("the family name is the same"));

        Patients.decide(reviewId, "link", "same woman, confirmed by phone").then().statusCode(200);
        assertEquals(Set.of(known.getString("sourceIdentityId"), possible.getString("sourceIdentityId")),
                sources(known.getString("personId")));
        Patients.deliverAuditOutbox();
        verify(audit, atLeastOnce()).record(argThat(e -> e.action().equals("identity.link-review.decide")));
    }

    @Test
    void aSeparatedPossibleMatchBecomesAPersonOfItsOwnAndADeferredOneStaysOpenBehindTheOthers() {
        Map<String, Object> anna = someone("Anna");
        JsonPath known = Patients.resolve(record(anna));
        Map<String, Object> stranger = record(with(with(anna, "birthDate", null), "postcode", null));
        String reviewId = Patients.resolve(stranger).getString("reviewId");

        Patients.decide(reviewId, "reject", null).then().statusCode(422);
        Patients.decide(reviewId, "separate", "another Anna").then().statusCode(200)
                .body("decision", equalTo("separate"));
        JsonPath again = Patients.resolve(stranger);
        assertEquals("linked", again.getString("linkStatus"));
        assertEquals("review", again.getString("linkMethod"));
        assertNotEquals(known.getString("personId"), again.getString("personId"));

        Map<String, Object> other = someone("Bea");
        Patients.resolve(record(other));
        String deferred = Patients.resolve(record(with(with(other, "birthDate", null), "postcode", null)))
                .getString("reviewId");
        Patients.decide(deferred, "defer", "ask the GP").then().statusCode(200).body("status", equalTo("open"))
                .body("deferredAt", org.hamcrest.Matchers.notNullValue());
        List<String> open = given().auth().oauth2(Patients.PRIVACY_OFFICER).queryParam("status", "open")
                .queryParam("size", 500).get(Patients.REVIEWS).then().extract().jsonPath().getList("id");
        assertEquals(deferred, open.get(open.size() - 1), "a deferred review comes last");
    }

    @Test
    void twinsAndAParentAndChildOfOneNameAreNeverMergedAutomatically() {
        Map<String, Object> mother = someone("Grace");
        String motherPerson = Patients.resolve(record(mother)).getString("personId");
        JsonPath twin = Patients.resolve(record(with(mother, "given", List.of("Olive"))));
        String born = (String) mother.get("birthDate");
        JsonPath daughter = Patients.resolve(record(with(mother, "birthDate",
                (Integer.parseInt(born.substring(0, 4)) + 30) + born.substring(4))));

        assertNotEquals(motherPerson, twin.getString("personId"));
        assertNotEquals(motherPerson, daughter.getString("personId"));
        assertEquals(Set.of(sources(motherPerson).iterator().next()), sources(motherPerson));
    }

    @Test
    void aMergeMovesEveryRecordAndPointsAtTheSurvivorAndAnUnmergeRestoresExactlyWhatWasThere() {
        String survivor = Patients.resolve(record(someone("Ivy"))).getString("personId");
        Map<String, Object> merged = someone("Ruth");
        JsonPath a = Patients.resolve(record(merged));
        JsonPath b = Patients.resolve(record(merged));
        String mergedPerson = a.getString("personId");
        Set<String> before = sources(survivor);
        List<Map<String, Object>> linksBefore = links(a.getString("sourceIdentityId"));

        String mergeId = given().auth().oauth2(Patients.PRIVACY_OFFICER).contentType(ContentType.JSON)
                .body(Map.of("into", survivor, "reason", "one woman registered twice"))
                .post("/api/persons/" + mergedPerson + "/merge").then().statusCode(201)
                .header("Location", containsString("/api/person-merges/")).extract().path("id");

        given().auth().oauth2(Patients.RECORD).redirects().follow(false).get("/api/persons/" + mergedPerson)
                .then().statusCode(301).header("Location", containsString("/api/persons/" + survivor))
                .body("mergedInto", equalTo(survivor));
        Set<String> all = new TreeSet<>(before);
        all.add(a.getString("sourceIdentityId"));
        all.add(b.getString("sourceIdentityId"));
        assertEquals(all, sources(survivor));

        given().auth().oauth2(Patients.PRIVACY_OFFICER).post("/api/person-merges/" + mergeId + "/unmerge")
                .then().statusCode(200);
        given().auth().oauth2(Patients.PRIVACY_OFFICER).post("/api/person-merges/" + mergeId + "/unmerge")
                .then().statusCode(409);
        assertEquals(before, sources(survivor));
        assertEquals(Set.of(a.getString("sourceIdentityId"), b.getString("sourceIdentityId")), sources(mergedPerson));
        List<Map<String, Object>> linksAfter = links(a.getString("sourceIdentityId"));
        assertEquals(linksBefore.get(0).get("method"), linksAfter.get(0).get("method"));
        assertEquals(linksBefore.get(0).get("score"), linksAfter.get(0).get("score"));
        assertEquals(linksBefore.get(0).get("personId"), linksAfter.get(0).get("personId"));
    }

    @Test
    void aSourcesOwnMergeFollowsTheSurvivorAndIsIdempotent() {
        String survivorId = "PAS-" + UUID.randomUUID();
        String mergedId = "PAS-" + UUID.randomUUID();
        JsonPath survivor = Patients.resolve(Patients.patient("RKM", "partner-rkm-pas", survivorId,
                TestNhsNumbers.next()));
        JsonPath merged = Patients.resolve(Patients.stranger(TestNhsNumbers.next()));
        Map<String, Object> old = Patients.patient("RKM", "partner-rkm-pas", mergedId, TestNhsNumbers.next());
        String oldPerson = Patients.resolve(old).getString("personId");
        Map<String, Object> merge = Map.of("sourceOrg", "RKM", "sourceSystem", "partner-rkm-pas",
                "survivingLocalId", survivorId, "mergedLocalId", mergedId, "messageId", "MSG-1");

        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(Patients.INGEST).contentType(ContentType.JSON).body(merge)
                    .post("/api/source-identities/merges").then().statusCode(200)
                    .body("personId", equalTo(survivor.getString("personId")))
                    .body("sourceIdentityId", equalTo(survivor.getString("sourceIdentityId")));
        }
        assertTrue(sources(survivor.getString("personId")).contains(
                org.kmcr.common.identity.SourceIdentityIds.of("RKM", "partner-rkm-pas", mergedId).toString()));
        assertEquals(301, given().auth().oauth2(Patients.RECORD).redirects().follow(false)
                .get("/api/persons/" + oldPerson).statusCode());
        given().auth().oauth2(Patients.INGEST).contentType(ContentType.JSON)
                .body(Map.of("sourceOrg", "RKM", "sourceSystem", "partner-rkm-pas", "survivingLocalId", "PAS-nobody",
                        "mergedLocalId", mergedId)).post("/api/source-identities/merges").then().statusCode(404);
        assertNotEquals(survivor.getString("personId"), merged.getString("personId"));
    }

    @Test
    void searchFindsThePersonDespiteATypoRanksTheBestFirstAndIsAudited() {
        Map<String, Object> jo = someone("Joanna");
        String family = (String) jo.get("family");
        Map<String, Object> first = record(jo);
        first.put("nhsNumber", TestNhsNumbers.next());
        String best = Patients.resolve(first).getString("personId");
        String born = (String) jo.get("birthDate");
        Map<String, Object> namesake = record(with(with(jo, "birthDate", born.substring(0, 9)
                + (born.charAt(9) == '9' ? '8' : (char) (born.charAt(9) + 1))), "postcode", "LS2 9JT"));
        namesake.put("nhsNumber", TestNhsNumbers.next());
        String second = Patients.resolve(namesake).getString("personId");
        String typo = family.substring(0, 3) + family.charAt(4) + family.charAt(3) + family.substring(5);

        JsonPath typed = given().auth().oauth2(CLINICIAN).queryParam("family", typo).queryParam("given", "Joanna")
                .queryParam("birthDate", born).get("/api/person-search").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(best, typed.getString("[0].personId"));
        JsonPath found = given().auth().oauth2(CLINICIAN).queryParam("family", family).queryParam("given", "Joanna")
                .queryParam("birthDate", born).get("/api/person-search").then().statusCode(200)
                .extract().jsonPath();
        assertNotEquals(best, second);
        assertEquals(List.of(best, second), found.getList("personId"));
        assertTrue(found.getString("[0].reasons").contains("the date of birth is the same"), found.prettify());
        assertTrue(found.getString("[1].reasons").contains("the date of birth is one character or digit apart"),
                found.prettify());
        assertNull(found.get("[0].postcode"), "the full postcode is not shown");
        verify(audit, atLeastOnce()).record(argThat(e -> e.action().equals("identity.person.search")));
        given().auth().oauth2(CLINICIAN).queryParam("family", family).get("/api/person-search").then()
                .statusCode(400).body("detail", containsString("family name and date of birth"));
    }

    @Test
    void aLinkAndAnyPairAreExplainedFieldByField() {
        Map<String, Object> kim = someone("Kimberley");
        JsonPath a = Patients.resolve(record(kim));
        JsonPath b = Patients.resolve(record(with(kim, "given", List.of("Kim"))));

        given().auth().oauth2(Patients.PRIVACY_OFFICER).get("/api/source-identities/" + b.getString("sourceIdentityId")
                + "/link").then().statusCode(200).body("method", equalTo("demographics"))
                .body("decidedBy", equalTo("matcher"))
                .body("evidence.birthDate", containsString("the date of birth is the same"));
        given().auth().oauth2(Patients.PRIVACY_OFFICER).contentType(ContentType.JSON)
                .body(Map.of("left", a.getString("sourceIdentityId"), "right", b.getString("sourceIdentityId")))
                .post("/api/match-explanations").then().statusCode(200).body("outcome", equalTo("link"))
                .body("fields.field", hasItem("given"))
                .body("fields.find { it.field == 'postcode' }.level", equalTo("exact"));
    }

    List<Map<String, Object>> links(String sourceIdentityId) {
        return List.of(given().auth().oauth2(Patients.PRIVACY_OFFICER)
                .get("/api/source-identities/" + sourceIdentityId + "/link").then().statusCode(200).extract()
                .jsonPath().getMap(""));
    }
}
