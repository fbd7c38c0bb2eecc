package org.kmcr.consent.policy;

import java.util.Optional;
import org.kmcr.common.consent.RelationshipAssertion;
import org.kmcr.common.consent.SharingPartner;

/**
 * Who may assert which relationship. A GP registration comes from the registered practice's own system or from a
 * registration authority (a PDS-style demographics feed); a referral, asserted by the referrer, relates the
 * receiving organisation; every other kind (encounter, admission, episode, care team, allocation, ...) relates
 * only the asserter's own organisation. A self-claimed relationship is never asserted by a system. Privacy
 * officers may record relationships for other organisations, never for their own.
 */
public final class RelationshipAuthority {

    private RelationshipAuthority() {
    }

    /**
     * Why the asserter may not assert this relationship; empty when it may.
     *
     * @param asserter the asserting organisation's standing in the partner register; null when it has none
     */
    public static Optional<String> refusalFor(String kind, String orgCode, String asserterOrg,
            SharingPartner asserter) {
        if (asserter == null || !asserter.inForce()) {
            return Optional.of(asserterOrg + " is not a sharing partner, so it cannot assert relationships");
        }
        if (RelationshipAssertion.SELF_CLAIMED.equals(kind)) {
            return Optional.of("A self-claimed relationship is claimed by the professional themself, never asserted "
                    + "by a system");
        }
        if (RelationshipAssertion.GP_REGISTRATION.equals(kind)) {
            boolean authority = SharingPartner.REGISTRATION_AUTHORITY.equals(asserter.kind());
            boolean ownPractice = orgCode.equals(asserterOrg) && SharingPartner.GP_PRACTICE.equals(asserter.kind());
            return authority || ownPractice ? Optional.empty() : Optional.of(asserterOrg + " may not register a "
                    + "person with " + orgCode + ": a GP registration counts only from the practice's own system or "
                    + "from a registration authority");
        }
        if (RelationshipAssertion.REFERRAL.equals(kind)) {
            return orgCode.equals(asserterOrg) ? Optional.of("A referral gives the receiving organisation a "
                    + "relationship; " + asserterOrg + " cannot refer a person to itself") : Optional.empty();
        }
        return orgCode.equals(asserterOrg) ? Optional.empty() : Optional.of(asserterOrg + " may assert a " + kind
                + " only for itself, not for " + orgCode);
    }

    /** Why a privacy officer may not record this relationship; empty when they may. */
    public static Optional<String> officerRefusalFor(String kind, String orgCode, String officerOrg) {
        if (orgCode.equals(officerOrg)) {
            return Optional.of("A privacy officer cannot grant a relationship to their own organisation ("
                    + officerOrg + "): another organisation's officer must record it");
        }
        if (RelationshipAssertion.SELF_CLAIMED.equals(kind)) {
            return Optional.of("A self-claimed relationship is claimed by the professional themself");
        }
        return Optional.empty();
    }
}
