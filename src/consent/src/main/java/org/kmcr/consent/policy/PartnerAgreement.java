package org.kmcr.consent.policy;

import java.time.LocalDate;

/**
 * An organisation's joint controllers' agreement: in force from the day it was signed until the day it was
 * withdrawn, that day excluded; while suspended (from {@code suspendedOn}) it shares nothing.
 *
 * @param withdrawnOn null while the organisation has not withdrawn
 * @param suspendedOn null while the organisation is not suspended
 */
public record PartnerAgreement(LocalDate signedOn, LocalDate withdrawnOn, LocalDate suspendedOn) {

    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(signedOn) && (withdrawnOn == null || day.isBefore(withdrawnOn));
    }

    /** True when the organisation may read and write shared records on the day: in force and not suspended. */
    public boolean sharesOn(LocalDate day) {
        return inForceOn(day) && !suspendedOn(day);
    }

    public boolean suspendedOn(LocalDate day) {
        return suspendedOn != null && !day.isBefore(suspendedOn);
    }
}
