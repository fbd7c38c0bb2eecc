package org.kmcr.systemtests.demo;

import java.util.List;

/** A synthetic person of the demo region and the bundles that partner systems send about them. */
public record DemoPerson(String nhsNumber, String name, String gpPractice, List<Submission> submissions) {

    public DemoPerson {
        submissions = List.copyOf(submissions);
    }

    /** One FHIR R4 transaction bundle, as the partner system with this client id sends it. */
    public record Submission(String senderClientId, String bundleJson) {
    }
}
