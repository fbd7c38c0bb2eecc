package org.kmcr.identity.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;

import io.quarkus.test.InjectMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.mutiny.Uni;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kmcr.common.audit.AuditClient;
import org.kmcr.common.audit.AuditReceipt;
import org.kmcr.common.security.Roles;
import org.kmcr.common.testing.AuditMocks;
import org.kmcr.common.testing.KmcrTestEnvironment;
import org.kmcr.common.testing.TestNhsNumbers;
import org.kmcr.common.testing.TestTokens;

/**
 * Who may call what, for every endpoint of identity and every kind of caller: ingest only resolves, record only
 * looks persons up and follows the identity events, privacy officers and data-quality officers work the review
 * queue (only privacy officers merge), and nobody else gets in (problem+json).
 */
@QuarkusTest
@QuarkusTestResource(KmcrTestEnvironment.class)
class EndpointSecurityTest {

    enum Caller {
        NONE(() -> null),
        CLINICIAN(() -> TestTokens.user("dr", "clinician", "RKM")),
        PRIVACY_OFFICER(() -> Patients.PRIVACY_OFFICER),
        DATA_QUALITY(() -> TestTokens.user("dq", Roles.DATA_QUALITY, "QKM")),
        PATIENT(() -> TestTokens.patient("mary", TestNhsNumbers.next())),
        PARTNER_SYSTEM(() -> TestTokens.partner("partner-rkm-pas", "RKM")),
        INGEST(() -> Patients.INGEST),
        RECORD(() -> Patients.RECORD),
        CONSENT(() -> TestTokens.service("kmcr-consent")),
        AUDIT(() -> TestTokens.service("kmcr-audit")),
        IDENTITY(() -> TestTokens.service("kmcr-identity")),
        /** A person's token that was given the service permissions anyway: they do not count. */
        USER_WITH_SERVICE_ROLES(() -> TestTokens.withRoles("mallory", Roles.IDENTITY_RESOLVER, Roles.IDENTITY_READER));

        final Supplier<String> token;

        Caller(Supplier<String> token) {
            this.token = token;
        }
    }

    /** A person with one source identity and an open review of a stranger's claim to their NHS number. */
    record Fixture(String nhsNumber, JsonPath person, String reviewId) {
    }

    enum Endpoint {
        RESOLVE("POST /api/source-identities/resolve", Caller.INGEST) {
            Response call(RequestSpecification request, Fixture fixture) {
                return request.contentType(ContentType.JSON).body(Patients.patient(fixture.nhsNumber()))
                        .post(Patients.RESOLVE);
            }

            void isAnswer(Response answer, Fixture fixture) {
                answer.then().body("personId", equalTo(fixture.person().getString("personId")));
            }
        },
        PERSON_BY_NHS_NUMBER("GET /api/persons", Caller.RECORD) {
            Response call(RequestSpecification request, Fixture fixture) {
                return request.queryParam("nhsNumber", fixture.nhsNumber()).get("/api/persons");
            }

            void isAnswer(Response answer, Fixture fixture) {
                answer.then().body("personId", equalTo(fixture.person().getString("personId")));
            }
        },
        PERSON_BY_ID("GET /api/persons/{personId}", Caller.RECORD) {
            Response call(RequestSpecification request, Fixture fixture) {
                return request.get("/api/persons/" + fixture.person().getString("personId"));
            }

            void isAnswer(Response answer, Fixture fixture) {
                answer.then().body("personId", equalTo(fixture.person().getString("personId")));
            }
        },
        LIST_REVIEWS("GET /api/link-reviews", Caller.PRIVACY_OFFICER, Caller.DATA_QUALITY) {
            Response call(RequestSpecification request, Fixture fixture) {
                return request.queryParam("status", "open").get(Patients.REVIEWS);
            }

            void isAnswer(Response answer, Fixture fixture) {
                answer.then().body("id", hasItem(fixture.reviewId()));
            }
        },
        DECIDE_REVIEW("POST /api/link-reviews/{id}/decision", Caller.PRIVACY_OFFICER, Caller.DATA_QUALITY) {
            Response call(RequestSpecification request, Fixture fixture) {
                return request.contentType(ContentType.JSON).body(Map.of("decision", "reject"))
                        .post(Patients.REVIEWS + "/" + fixture.reviewId() + "/decision");
            }

            void isAnswer(Response answer, Fixture fixture) {
                answer.then().body("id", equalTo(fixture.reviewId())).body("decision", equalTo("reject"));
            }
        },
        SOURCE_MERGE("POST /api/source-identities/merges", Caller.INGEST) {
            Response call(RequestSpecification request, Fixture fixture) {
                String survivor = "PAS-" + UUID.randomUUID();
                String merged = "PAS-" + UUID.randomUUID();
                Patients.resolve(Patients.patient("RKM", "partner-rkm-pas", survivor, fixture.nhsNumber()));
                Patients.resolve(Patients.patient("RKM", "partner-rkm-pas", merged, TestNhsNumbers.next()));
                return request.contentType(ContentType.JSON).body(Map.of("sourceOrg", "RKM", "sourceSystem",
                        "partner-rkm-pas", "survivingLocalId", survivor, "mergedLocalId", merged))
                        .post("/api/source-identities/merges");
            }

            void isAnswer(Response answer, Fixture fixture) {
                answer.then().body("personId", equalTo(fixture.person().getString("personId")));
            }
        },
        LINK_OF_SOURCE("GET /api/source-identities/{id}/link", Caller.PRIVACY_OFFICER) {
            Response call(RequestSpecification request, Fixture fixture) {
                return request.get("/api/source-identities/" + fixture.person().getString("sourceIdentityId")
                        + "/link");
            }

            void isAnswer(Response answer, Fixture fixture) {
                answer.then().body("personId", equalTo(fixture.person().getString("personId")))
                        .body("method", equalTo("nhs-number"));
            }
        },
        EXPLAIN_PAIR("POST /api/match-explanations", Caller.PRIVACY_OFFICER, Caller.DATA_QUALITY) {
            Response call(RequestSpecification request, Fixture fixture) {
                String other = Patients.resolve(Patients.patient(TestNhsNumbers.next())).getString("sourceIdentityId");
                return request.contentType(ContentType.JSON).body(Map.of("left",
                        fixture.person().getString("sourceIdentityId"), "right", other)).post("/api/match-explanations");
            }

            void isAnswer(Response answer, Fixture fixture) {
                answer.then().body("outcome", equalTo("no-match"))
                        .body("heldBack", hasItem("the two records have different valid NHS numbers"));
            }
        },
        MERGE_PERSONS("POST /api/persons/{personId}/merge", 201, Caller.PRIVACY_OFFICER) {
            Response call(RequestSpecification request, Fixture fixture) {
                String other = Patients.resolve(Patients.patient(TestNhsNumbers.next())).getString("personId");
                return request.contentType(ContentType.JSON).body(Map.of("into", other))
                        .post("/api/persons/" + fixture.person().getString("personId") + "/merge");
            }

            void isAnswer(Response answer, Fixture fixture) {
                answer.then().body("mergedPersonId", equalTo(fixture.person().getString("personId")));
            }
        },
        UNMERGE("POST /api/person-merges/{id}/unmerge", Caller.PRIVACY_OFFICER) {
            Response call(RequestSpecification request, Fixture fixture) {
                String other = Patients.resolve(Patients.patient(TestNhsNumbers.next())).getString("personId");
                String merge = given().auth().oauth2(Patients.PRIVACY_OFFICER).contentType(ContentType.JSON)
                        .body(Map.of("into", other)).post("/api/persons/" + fixture.person().getString("personId")
                                + "/merge").then().statusCode(201).extract().path("id");
                return request.post("/api/person-merges/" + merge + "/unmerge");
            }

            void isAnswer(Response answer, Fixture fixture) {
                answer.then().body("mergedPersonId", equalTo(fixture.person().getString("personId")))
                        .body("unmergedAt", org.hamcrest.Matchers.notNullValue());
            }
        },
        IDENTITY_EVENTS("GET /api/identity-events", Caller.RECORD) {
            Response call(RequestSpecification request, Fixture fixture) {
                return request.queryParam("after", 0).queryParam("limit", 500).get("/api/identity-events");
            }

            void isAnswer(Response answer, Fixture fixture) {
                answer.then().body("events.size()", greaterThan(0)).body("next", greaterThan(0));
            }
        },
        SEARCH("GET /api/person-search", Caller.CLINICIAN, Caller.PRIVACY_OFFICER) {
            Response call(RequestSpecification request, Fixture fixture) {
                return request.queryParam("nhsNumber", fixture.nhsNumber()).get("/api/person-search");
            }

            void isAnswer(Response answer, Fixture fixture) {
                answer.then().body("personId", equalTo(java.util.List.of(fixture.person().getString("personId"))));
            }
        };

        final String operation;
        final int ok;
        final Set<Caller> allowed;

        Endpoint(String operation, Caller... allowed) {
            this(operation, 200, allowed);
        }

        Endpoint(String operation, int ok, Caller... allowed) {
            this.operation = operation;
            this.ok = ok;
            this.allowed = Set.of(allowed);
        }

        abstract Response call(RequestSpecification request, Fixture fixture);

        abstract void isAnswer(Response answer, Fixture fixture);

        int expectedStatus(Caller caller) {
            return caller == Caller.NONE ? 401 : allowed.contains(caller) ? ok : 403;
        }
    }

    @InjectMock
    AuditClient audit;

    @BeforeEach
    void auditCommits() {
        doReturn(Uni.createFrom().item(new AuditReceipt(UUID.randomUUID(), 1, "hash"))).when(audit).record(any());
        AuditMocks.batchesRecordEachEvent(audit);
    }

    static Stream<Arguments> everyEndpointByEveryCaller() {
        return Arrays.stream(Endpoint.values()).flatMap(endpoint -> Arrays.stream(Caller.values())
                .map(caller -> Arguments.of(endpoint, caller, endpoint.expectedStatus(caller))));
    }

    @ParameterizedTest(name = "{0} by {1}: {2}")
    @MethodSource("everyEndpointByEveryCaller")
    void onlyTheCallersThatNeedAnEndpointMayCallIt(Endpoint endpoint, Caller caller, int status) {
        Fixture fixture = fixture();
        RequestSpecification request = given();
        String token = caller.token.get();
        if (token != null) {
            request.auth().oauth2(token);
        }
        Response answer = endpoint.call(request, fixture);
        answer.then().statusCode(status);
        if (status == endpoint.ok) {
            endpoint.isAnswer(answer, fixture);
        } else {
            answer.then().contentType("application/problem+json").body("status", equalTo(status));
        }
        if (status == 401) {
            answer.then().header("WWW-Authenticate", "Bearer");
        }
    }

    /** The OpenAPI document, served on the management interface (under its /q root). */
    @TestHTTPResource(value = "openapi", management = true)
    java.net.URL openApi;

    @Test
    void theMatrixCoversEveryOperationInTheOpenApiDocument() {
        Map<String, Map<String, Object>> paths = given().queryParam("format", "json").get(openApi)
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        Set<String> documented = new TreeSet<>();
        paths.forEach((path, operations) -> operations.keySet().stream()
                .filter(method -> Set.of("get", "put", "post", "delete", "patch").contains(method))
                .forEach(method -> documented.add(method.toUpperCase() + " " + path)));

        assertEquals(documented, Arrays.stream(Endpoint.values()).map(endpoint -> endpoint.operation)
                .collect(Collectors.toCollection(TreeSet::new)));
    }

    private static Fixture fixture() {
        String nhsNumber = TestNhsNumbers.next();
        JsonPath person = Patients.resolve(Patients.patient(nhsNumber));
        String reviewId = Patients.resolve(Patients.stranger(nhsNumber)).getString("reviewId");
        return new Fixture(nhsNumber, person, reviewId);
    }
}
