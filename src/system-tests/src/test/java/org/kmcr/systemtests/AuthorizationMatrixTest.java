package org.kmcr.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kmcr.systemtests.SystemUnderTest.KEYCLOAK;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.kmcr.common.problem.ProblemMapper;
import org.kmcr.systemtests.stack.DemoRegion;
import org.kmcr.systemtests.stack.Keycloak;
import org.kmcr.systemtests.stack.KmcrClient;
import org.kmcr.systemtests.stack.ServiceSpec;

/**
 * Issue 5, item 3: every endpoint of every service, as published in its OpenAPI document, called by nobody, by
 * every demo user (one per realm role) and by every service and partner client: 401 without a token, the role
 * check's 403 for everyone the table below does not name, and never 401 nor the role check's 403 for those it
 * does (the access rules may still refuse them a particular record, with their own reason). An endpoint
 * missing from the table fails the test, so a new endpoint cannot be forgotten.
 */
class AuthorizationMatrixTest {

    static final Set<String> STAFF_AND_CITIZENS = Set.of("clinician", "social-worker", "patient");
    static final Set<String> STAFF = Set.of("clinician", "social-worker");
    static final Set<String> OFFICERS = Set.of("privacy-officer");
    /** The MPI's review queue: privacy officers and data-quality officers. */
    static final Set<String> REVIEWERS = Set.of("privacy-officer", "data-quality");

    /** Who may call each operation, by realm role: "service method path" -> roles. */
    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("ingest POST /fhir/r4", Set.of("partner-system")),
            Map.entry("ingest POST /api/hl7v2/messages", Set.of("partner-system")),
            Map.entry("ingest GET /api/feed-health", Set.of("partner-system", "privacy-officer", "platform-operator")),
            Map.entry("ingest GET /api/dead-letters", Set.of("partner-system")),
            // the operator sees every organisation's dead letters as notices (no message), never a letter itself
            Map.entry("ingest GET /api/dead-letters/notices", Set.of("platform-operator")),
            Map.entry("ingest GET /api/dead-letters/{id}", Set.of("partner-system")),
            Map.entry("ingest POST /api/dead-letters/{id}/replay", Set.of("partner-system", "platform-operator")),
            Map.entry("ingest POST /api/bulk/social-care", Set.of("partner-system")),
            Map.entry("ingest GET /api/bulk/social-care/jobs/{id}", Set.of("partner-system")),
            Map.entry("ingest GET /api/bulk/social-care/jobs/{id}/rows", Set.of("partner-system")),
            Map.entry("identity POST /api/source-identities/resolve", Set.of("identity-resolver")),
            Map.entry("identity GET /api/persons", Set.of("identity-reader")),
            Map.entry("identity GET /api/persons/{personId}", Set.of("identity-reader")),
            Map.entry("identity GET /api/link-reviews", REVIEWERS),
            Map.entry("identity POST /api/link-reviews/{id}/decision", REVIEWERS),
            Map.entry("identity POST /api/source-identities/merges", Set.of("identity-resolver")),
            Map.entry("identity GET /api/source-identities/{id}/link", OFFICERS),
            Map.entry("identity POST /api/match-explanations", REVIEWERS),
            Map.entry("identity POST /api/persons/{personId}/merge", OFFICERS),
            Map.entry("identity POST /api/person-merges/{id}/unmerge", OFFICERS),
            Map.entry("identity GET /api/person-search", Set.of("clinician", "social-worker", "privacy-officer")),
            Map.entry("identity GET /api/identity-events", Set.of("identity-reader")),
            Map.entry("record GET /api/records/{nhsNumber}/summary", STAFF_AND_CITIZENS),
            Map.entry("record GET /api/records/{nhsNumber}/timeline", STAFF_AND_CITIZENS),
            Map.entry("record POST /api/records/{nhsNumber}/break-glass", STAFF),
            Map.entry("record POST /api/records/{nhsNumber}/self-claim", STAFF),
            Map.entry("record GET /fhir/r4/Patient/$summary", STAFF_AND_CITIZENS),
            Map.entry("record GET /fhir/r4/metadata", Set.of("clinician", "social-worker", "patient",
                    "partner-system")),
            Map.entry("record GET /fhir/r4/{type}", STAFF_AND_CITIZENS),
            Map.entry("record GET /fhir/r4/{type}/{id}", STAFF_AND_CITIZENS),
            Map.entry("record GET /fhir/r4/Patient/{id}/$everything", STAFF_AND_CITIZENS),
            Map.entry("record GET /fhir/r4/Patient/$everything", STAFF_AND_CITIZENS),
            Map.entry("record GET /api/analytics/measures", Set.of("analyst")),
            Map.entry("record GET /api/analytics/measures/{code}", Set.of("analyst")),
            Map.entry("record GET /api/analytics/measures/{code}/hot-spots", Set.of("analyst")),
            Map.entry("consent GET /api/national-data-opt-out/exclusions", Set.of("access-decider")),
            Map.entry("consent POST /api/access-decisions", Set.of("access-decider")),
            Map.entry("consent POST /api/privacy-alerts", Set.of("access-decider")),
            Map.entry("consent POST /api/self-claims", Set.of("access-decider")),
            Map.entry("consent POST /api/relationship-assertions", Set.of("relationship-asserter")),
            Map.entry("consent GET /api/sharing-partners",
                    Set.of("clinician", "social-worker", "privacy-officer", "partner-reader", "platform-operator")),
            Map.entry("consent GET /api/sharing-partners/{odsCode}",
                    Set.of("clinician", "social-worker", "privacy-officer", "partner-reader")),
            Map.entry("consent PUT /api/sharing-partners/{odsCode}", OFFICERS),
            Map.entry("consent POST /api/relationships", OFFICERS),
            Map.entry("consent GET /api/relationships", OFFICERS),
            Map.entry("consent GET /api/relationships/unverified", OFFICERS),
            Map.entry("consent GET /api/relationships/{id}", OFFICERS),
            Map.entry("consent POST /api/relationships/{id}/end", OFFICERS),
            Map.entry("consent GET /api/break-glass-reviews", OFFICERS),
            Map.entry("consent POST /api/break-glass-reviews/{id}/outcome", OFFICERS),
            Map.entry("consent POST /api/consent-directives", OFFICERS),
            Map.entry("consent GET /api/consent-directives", OFFICERS),
            Map.entry("consent GET /api/consent-directives/{id}", OFFICERS),
            Map.entry("consent POST /api/consent-directives/{id}/decision", OFFICERS),
            Map.entry("consent POST /api/consent-directives/{id}/withdrawal", OFFICERS),
            Map.entry("consent GET /api/me/consent-directives", Set.of("patient")),
            Map.entry("consent POST /api/me/correction-requests", Set.of("patient")),
            Map.entry("consent GET /api/me/correction-requests", Set.of("patient")),
            Map.entry("consent GET /api/correction-requests", Set.of("clinician", "social-worker", "privacy-officer")),
            Map.entry("consent POST /api/correction-requests/{id}/decision",
                    Set.of("clinician", "social-worker", "privacy-officer")),
            Map.entry("consent POST /api/me/consent-directives", Set.of("patient")),
            Map.entry("consent GET /api/national-data-opt-out", OFFICERS),
            Map.entry("consent PUT /api/national-data-opt-out", OFFICERS),
            Map.entry("audit POST /api/audit-events", Set.of("audit-writer")),
            Map.entry("audit POST /api/audit-events/batch", Set.of("audit-writer")),
            Map.entry("audit GET /api/audit-events", OFFICERS),
            Map.entry("audit GET /api/audit-events/{sequence}", OFFICERS),
            Map.entry("audit GET /api/audit-verification", OFFICERS),
            Map.entry("audit POST /api/audit-verification/tree-check", OFFICERS),
            Map.entry("audit POST /api/audit-checkpoints", OFFICERS),
            Map.entry("audit GET /api/audit-checkpoints/latest", OFFICERS),
            Map.entry("audit GET /api/audit-checkpoints/{sequence}", OFFICERS),
            Map.entry("audit GET /api/audit-events/csv", OFFICERS),
            Map.entry("audit GET /api/audit-events/fhir", OFFICERS),
            Map.entry("audit GET /api/audit-proofs/inclusion", OFFICERS),
            Map.entry("audit GET /api/audit-proofs/consistency", OFFICERS),
            Map.entry("audit GET /api/audit-export", OFFICERS),
            Map.entry("audit GET /api/pattern-alerts", OFFICERS),
            Map.entry("audit POST /api/pattern-alerts/{id}/review", OFFICERS),
            Map.entry("audit GET /api/me/record-accesses", Set.of("patient")));

    /** Values for path parameters: well-formed, pointing at nothing that matters. */
    static final Map<String, String> PATH_VALUES = Map.of("{id}", "00000000-0000-4000-8000-000000000001",
            "{personId}", "00000000-0000-4000-8000-000000000002", "{nhsNumber}", DemoRegion.CITIZEN_NHS_NUMBER,
            "{odsCode}", "ZZ999", "{sequence}", "1", "{type}", "Condition", "{code}", "covid-positive");

    record Principal(String name, String token, Set<String> roles) {
    }

    static List<Principal> principals() {
        List<Principal> principals = new ArrayList<>();
        for (String user : List.of(DemoRegion.GP_CLINICIAN, DemoRegion.HOSPITAL_CLINICIAN, DemoRegion.SOCIAL_WORKER,
                DemoRegion.OUTSIDER_CLINICIAN, DemoRegion.PRIVACY_OFFICER, DemoRegion.ANALYST, DemoRegion.PLATFORM_OPERATOR,
                DemoRegion.CITIZEN)) {
            principals.add(principal(user, KEYCLOAK.login(user)));
        }
        for (String client : List.of("kmcr-ingest", "kmcr-identity", "kmcr-record", "kmcr-consent", "kmcr-audit",
                DemoRegion.TRUST_PAS, DemoRegion.GP_SYSTEM, DemoRegion.PDS)) {
            principals.add(principal(client, KEYCLOAK.clientCredentials(client)));
        }
        return principals;
    }

    static Principal principal(String name, String token) {
        Set<String> roles = new TreeSet<>();
        Keycloak.claims(token).path("realm_access").path("roles").forEach(role -> roles.add(role.asText()));
        return new Principal(name, token, roles);
    }

    @Test
    void everyPublishedEndpointAnswersEveryCallerAsTheTableSays() {
        List<Principal> principals = principals();
        List<String> wrong = new ArrayList<>();
        Set<String> published = new TreeSet<>();
        for (ServiceSpec service : ServiceSpec.ALL) {
            JsonNode paths = KmcrClient.read(RestAssured.given().baseUri(service.managementUrl())
                    .get("/q/openapi?format=json").then().statusCode(200).extract().asString()).path("paths");
            for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> path = it.next();
                for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext();) {
                    String method = methods.next().toUpperCase();
                    if (!Set.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
                        continue;
                    }
                    String operation = service.name() + " " + method + " " + path.getKey();
                    published.add(operation);
                    Set<String> allowed = ALLOWED.get(operation);
                    if (allowed == null) {
                        wrong.add(operation + ": not in the authorization table");
                        continue;
                    }
                    check(service, method, path.getKey(), null, Set.of(), allowed, wrong);
                    for (Principal principal : principals) {
                        check(service, method, path.getKey(), principal, principal.roles(), allowed, wrong);
                    }
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        assertEquals(new TreeSet<>(ALLOWED.keySet()), published, "every operation in the table is published");
    }

    static void check(ServiceSpec service, String method, String template, Principal principal, Set<String> roles,
            Set<String> allowed, List<String> wrong) {
        String path = template;
        for (Map.Entry<String, String> value : PATH_VALUES.entrySet()) {
            path = path.replace(value.getKey(), value.getValue());
        }
        RequestSpecification request = RestAssured.given().baseUri(service.url()).urlEncodingEnabled(false);
        if (principal != null) {
            request = request.auth().oauth2(principal.token());
        }
        if (!"GET".equals(method)) {
            request = request.contentType("application/json").body("{}");
        }
        io.restassured.response.Response response = request.request(method, path);
        int status = response.statusCode();
        boolean roleRefused = status == 403 && response.asString().contains(ProblemMapper.ROLE_REFUSED);
        boolean permitted = roles.stream().anyMatch(allowed::contains);
        String who = principal == null ? "no token" : principal.name();
        boolean ok = principal == null ? status == 401 : permitted ? status != 401 && !roleRefused : roleRefused;
        if (!ok) {
            wrong.add(service.name() + " " + method + " " + template + " as " + who + ": " + status + " (expected "
                    + (principal == null ? "401" : permitted ? "not 401 nor the role check's 403"
                    : "the role check's 403") + ")");
        }
    }
}
