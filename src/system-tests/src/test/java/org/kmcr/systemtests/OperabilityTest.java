package org.kmcr.systemtests;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.kmcr.systemtests.SystemUnderTest.as;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.kmcr.systemtests.stack.ServiceSpec;

/** What a platform team relies on: every service reports health, exposes metrics and publishes its API. */
class OperabilityTest {

    static final java.util.List<ServiceSpec> SERVICES = ServiceSpec.ALL;

    @ParameterizedTest
    @FieldSource("SERVICES")
    void healthMetricsAndOpenApiAreServed(ServiceSpec service) {
        for (String probe : new String[] {"live", "ready", "started"}) {
            as(service, null).get("/q/health/" + probe).then().statusCode(200).body("status", equalTo("UP"));
        }
        as(service, null).get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        as(service, null).get("/q/openapi?format=json").then().statusCode(200)
                .body("info.title", containsString("kmcr-" + service.name()));
    }
}
