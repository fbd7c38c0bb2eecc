package org.kmcr.systemtests;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kmcr.systemtests.SystemUnderTest.as;
import static org.kmcr.systemtests.SystemUnderTest.management;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.kmcr.systemtests.stack.ServiceSpec;

/**
 * What a platform team relies on: every service reports health, exposes metrics and publishes its API, on its
 * management interface (its own port, kept inside the cluster) and not on the API port that the ingress exposes.
 */
class OperabilityTest {

    static final List<ServiceSpec> SERVICES = ServiceSpec.ALL;
    static final List<String> MANAGEMENT_PATHS = List.of("/q/health", "/q/health/ready", "/q/health/live",
            "/q/metrics", "/q/openapi", "/q/openapi?format=json");

    @ParameterizedTest
    @FieldSource("SERVICES")
    void healthMetricsAndOpenApiAreServedOnTheManagementPort(ServiceSpec service) {
        for (String probe : new String[] {"live", "ready", "started"}) {
            management(service).get("/q/health/" + probe).then().statusCode(200).body("status", equalTo("UP"));
        }
        management(service).get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        management(service).get("/q/openapi?format=json").then().statusCode(200)
                .body("info.title", containsString("kmcr-" + service.name()));
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void theOpenApiDocumentListsTheServicesEndpointsAndTheirBearerAuth(ServiceSpec service) {
        JsonPath openApi = management(service).get("/q/openapi?format=json").then().statusCode(200).extract()
                .jsonPath();
        Map<String, Object> paths = openApi.getMap("paths");
        assertFalse(paths.isEmpty(), service.name() + " documents no endpoint");
        assertTrue(paths.keySet().stream().allMatch(path -> path.startsWith("/api/") || path.startsWith("/fhir/")),
                paths.keySet().toString());
        assertEquals("bearer", openApi.getString("components.securitySchemes.SecurityScheme.scheme"),
                openApi.getString("components.securitySchemes"));
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void theApiPortServesNoneOfThem(ServiceSpec service) {
        for (String path : MANAGEMENT_PATHS) {
            assertEquals(404, as(service, null).get(path).statusCode(), service.name() + " API port serves " + path);
        }
    }
}
