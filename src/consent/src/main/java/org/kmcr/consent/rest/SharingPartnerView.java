package org.kmcr.consent.rest;

import java.time.LocalDate;
import org.kmcr.consent.model.SharingPartner;
import org.kmcr.consent.policy.PartnerAgreement;

/**
 * A sharing partner.
 *
 * @param inForce whether its agreement is in force today, i.e. whether its staff may see shared records
 */
public record SharingPartnerView(String odsCode, String name, String kind, LocalDate agreementSignedOn,
        LocalDate withdrawnOn, boolean inForce) {

    static SharingPartnerView of(SharingPartner p, LocalDate today) {
        return new SharingPartnerView(p.odsCode, p.name, p.kind, p.agreementSignedOn, p.withdrawnOn,
                new PartnerAgreement(p.agreementSignedOn, p.withdrawnOn).inForceOn(today));
    }
}
