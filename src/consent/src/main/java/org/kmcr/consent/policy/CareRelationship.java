package org.kmcr.consent.policy;

import java.time.LocalDate;

/**
 * A relationship between an organisation and a person, active from {@code startedOn} to {@code endsOn}, both
 * days included.
 *
 * @param kind   gp-registration, care-team, referral, social-care-allocation, self-claimed, ...
 * @param endsOn null while open-ended
 */
public record CareRelationship(String kind, LocalDate startedOn, LocalDate endsOn) {

    /** Claimed by the professional themself rather than asserted by a source system. */
    public static final String SELF_CLAIMED = org.kmcr.common.consent.RelationshipAssertion.SELF_CLAIMED;

    public boolean activeOn(LocalDate day) {
        return !day.isBefore(startedOn) && (endsOn == null || !day.isAfter(endsOn));
    }

    public boolean selfClaimed() {
        return SELF_CLAIMED.equals(kind);
    }
}
