package org.kmcr.consent.policy;

import java.time.LocalDate;

/**
 * An organisation's joint controllers' agreement: in force from the day it was signed until the day it was
 * withdrawn, that day excluded.
 *
 * @param withdrawnOn null while the organisation has not withdrawn
 */
public record PartnerAgreement(LocalDate signedOn, LocalDate withdrawnOn) {

    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(signedOn) && (withdrawnOn == null || day.isBefore(withdrawnOn));
    }
}
