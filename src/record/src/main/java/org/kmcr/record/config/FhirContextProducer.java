package org.kmcr.record.config;

import ca.uhn.fhir.context.FhirContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** One FHIR R4 context for the service, built on first use (the CapabilityStatement): costly, safe to share. */
@ApplicationScoped
public class FhirContextProducer {

    @Produces
    @ApplicationScoped
    FhirContext fhirContext() {
        return FhirContext.forR4();
    }
}
