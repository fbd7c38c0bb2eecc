package org.kmcr.record.config;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts record-query letting an identifier token's {@code |} arrive unencoded, as many FHIR clients send it
 * ({@code identifier=https://fhir.nhs.uk/Id/nhs-number|9434765919}): Quarkus's HTTP layer otherwise answers any
 * request line {@link java.net.URI} refuses with an empty 400 before the request reaches KMCR. The check is a JVM
 * property read once when the HTTP layer loads, so it is set here, before Quarkus starts (tests set it in the
 * build). Requests are still parsed and their parameters decoded by the REST layer; a malformed one is a 400 or 404
 * OperationOutcome from it.
 */
@QuarkusMain
public final class RecordMain {

    /** The Vert.x HTTP layer's property (see Quarkus's VertxHttpRecorder). */
    public static final String DISABLE_URI_VALIDATION = "vertx.disableURIValidation";

    private RecordMain() {
    }

    public static void main(String... args) {
        System.setProperty(DISABLE_URI_VALIDATION, "true");
        Quarkus.run(args);
    }
}
