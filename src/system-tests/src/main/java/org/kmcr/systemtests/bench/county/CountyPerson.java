package org.kmcr.systemtests.bench.county;

import java.util.UUID;

/**
 * One synthetic person of the county and the source identities that hold their items: the registration authority
 * (PDS), their GP practice's system, and, for most, the acute trust's PAS.
 *
 * @param items how many care items the person has in all, their Patient items included
 */
public record CountyPerson(int index, UUID personId, String nhsNumber, String family, String given, String birthDate,
        String gender, String postcode, String gpPractice, UUID pdsIdentity, UUID gpIdentity, UUID trustIdentity,
        int items) {

    public boolean atTrust() {
        return trustIdentity != null;
    }

    /** The GP practice's clinical system, as its client id (the ingest sender's system). */
    public String gpSystem() {
        return "partner-" + gpPractice.toLowerCase(java.util.Locale.ROOT) + "-gp";
    }
}
