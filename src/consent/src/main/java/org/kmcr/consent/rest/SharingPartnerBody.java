package org.kmcr.consent.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.kmcr.consent.model.SharingPartner;

/**
 * A sharing partner as registered by a privacy officer; the ODS code is in the path.
 *
 * @param suspendedOn from when its sharing is suspended (null lifts a suspension)
 */
public record SharingPartnerBody(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Pattern(regexp = "gp-practice|acute-trust|community|mental-health|local-authority|icb"
                + "|registration-authority", message = "must be one of gp-practice, acute-trust, community, "
                + "mental-health, local-authority, icb, registration-authority")
        String kind,
        @NotNull LocalDate agreementSignedOn,
        LocalDate withdrawnOn,
        LocalDate suspendedOn) {

    SharingPartner toEntity(String odsCode) {
        SharingPartner partner = new SharingPartner();
        partner.odsCode = odsCode;
        partner.name = name.strip();
        partner.kind = kind;
        partner.agreementSignedOn = agreementSignedOn;
        partner.withdrawnOn = withdrawnOn;
        partner.suspendedOn = suspendedOn;
        return partner;
    }
}
