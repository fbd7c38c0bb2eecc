package org.kmcr.consent.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** An organisation that has signed the joint controllers' agreement. */
@Entity
@Table(name = "sharing_partner", schema = "consent")
public class SharingPartner {

    @Id
    @Column(name = "ods_code")
    public String odsCode;
    public String name;
    /** gp-practice, acute-trust, community, mental-health, local-authority or icb. */
    public String kind;
    @Column(name = "agreement_signed_on")
    public LocalDate agreementSignedOn;
    @Column(name = "withdrawn_on")
    public LocalDate withdrawnOn;
    /** From when its sharing is suspended (reading and writing); null when it is not. */
    @Column(name = "suspended_on")
    public LocalDate suspendedOn;
}
