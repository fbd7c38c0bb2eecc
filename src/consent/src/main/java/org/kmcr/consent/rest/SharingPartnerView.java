package org.kmcr.consent.rest;

import java.time.LocalDate;
import org.kmcr.consent.model.SharingPartner;
import org.kmcr.consent.policy.PartnerAgreement;

/**
 * A sharing partner.
 *
 * @param suspendedOn from when its sharing is suspended; null when it is not
 * @param inForce     whether its agreement is in force today and it is not suspended, i.e. whether it may share
 */
public record SharingPartnerView(String odsCode, String name, String kind, LocalDate agreementSignedOn,
        LocalDate withdrawnOn, LocalDate suspendedOn, boolean inForce) {

    static SharingPartnerView of(SharingPartner p, LocalDate today) {
        return new SharingPartnerView(p.odsCode, p.name, p.kind, p.agreementSignedOn, p.withdrawnOn, p.suspendedOn,
                new PartnerAgreement(p.agreementSignedOn, p.withdrawnOn, p.suspendedOn).sharesOn(today));
    }
}
