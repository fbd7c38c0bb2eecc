package org.kmcr.common.consent;

/**
 * An organisation's standing under the joint controllers' agreement, as consent holds it.
 *
 * @param kind gp-practice, acute-trust, community, mental-health, local-authority, icb or registration-authority
 */
public record SharingPartner(String odsCode, String name, String kind, boolean inForce) {

    public static final String GP_PRACTICE = "gp-practice";
    public static final String REGISTRATION_AUTHORITY = "registration-authority";
}
