package org.kmcr.consent.config;

import ca.uhn.fhir.context.FhirContext;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** One FHIR R4 context for the service: costly to build, thread-safe to share. */
@ApplicationScoped
public class FhirContextProducer {

    @Produces
    @ApplicationScoped
    @Startup
    FhirContext fhirContext() {
        return FhirContext.forR4();
    }
}
