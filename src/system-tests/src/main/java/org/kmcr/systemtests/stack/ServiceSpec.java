package org.kmcr.systemtests.stack;

import java.util.List;

/** One KMCR service as the stack runs it: its module (for the packaged jar) and its port. */
public record ServiceSpec(String name, int port) {

    public static final ServiceSpec INGEST = new ServiceSpec("ingest", 8081);
    public static final ServiceSpec IDENTITY = new ServiceSpec("identity", 8082);
    public static final ServiceSpec RECORD = new ServiceSpec("record", 8083);
    public static final ServiceSpec CONSENT = new ServiceSpec("consent", 8084);
    public static final ServiceSpec AUDIT = new ServiceSpec("audit", 8085);
    public static final List<ServiceSpec> ALL = List.of(IDENTITY, CONSENT, AUDIT, INGEST, RECORD);

    public String url() {
        return "http://localhost:" + port;
    }
}
