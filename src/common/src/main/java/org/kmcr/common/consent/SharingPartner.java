package org.kmcr.common.consent;

/** An organisation's standing under the joint controllers' agreement, as consent holds it. */
public record SharingPartner(String odsCode, String name, boolean inForce) {
}
