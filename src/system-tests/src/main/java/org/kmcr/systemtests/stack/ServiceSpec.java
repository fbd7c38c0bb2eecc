package org.kmcr.systemtests.stack;

import java.util.List;

/**
 * One KMCR service as the stack runs it: its module (for the packaged jar), its API port and its management port
 * (health, metrics, OpenAPI: the API port + 1000, as in the service's application.properties).
 */
public record ServiceSpec(String name, int port) {

    static final int MANAGEMENT_PORT_OFFSET = 1000;

    public static final ServiceSpec INGEST = new ServiceSpec("ingest", 8081);
    public static final ServiceSpec IDENTITY = new ServiceSpec("identity", 8082);
    public static final ServiceSpec RECORD = new ServiceSpec("record", 8083);
    public static final ServiceSpec CONSENT = new ServiceSpec("consent", 8084);
    public static final ServiceSpec AUDIT = new ServiceSpec("audit", 8085);
    /** The services with an API (OpenAPI, the authorization table). */
    public static final List<ServiceSpec> ALL = List.of(IDENTITY, CONSENT, AUDIT, INGEST, RECORD);
    /** The web portal: pages for people, signed in through Keycloak; it calls the services above. */
    public static final ServiceSpec PORTAL = new ServiceSpec("portal", 8080);
    /** Everything the stack starts, in order: the services, then the portal. */
    public static final List<ServiceSpec> STARTED = List.of(IDENTITY, CONSENT, AUDIT, INGEST, RECORD, PORTAL);

    /** The API: what partners, the portal and the other services call. */
    public String url() {
        return "http://localhost:" + port;
    }

    /** The management interface's port: {@code /q/health}, {@code /q/metrics}, {@code /q/openapi}. */
    public int managementPort() {
        return port + MANAGEMENT_PORT_OFFSET;
    }

    /** The management interface, e.g. {@code managementUrl() + "/q/openapi?format=json"}. */
    public String managementUrl() {
        return "http://localhost:" + managementPort();
    }
}
