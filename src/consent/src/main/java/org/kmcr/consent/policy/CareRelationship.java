package org.kmcr.consent.policy;

import java.time.LocalDate;

/**
 * A relationship between an organisation and a person, active from {@code startedOn} to {@code endsOn}, both
 * days included. An encounter counts for the policy's encounter window after it started, however long the
 * source says it lasts.
 *
 * @param kind   gp-registration, care-team, referral, social-care-allocation, encounter, self-claimed, ...
 * @param endsOn null while open-ended
 */
public record CareRelationship(String kind, LocalDate startedOn, LocalDate endsOn) {

    /** Claimed by the professional themself rather than asserted by a source system. */
    public static final String SELF_CLAIMED = org.kmcr.common.consent.RelationshipAssertion.SELF_CLAIMED;
    public static final String ENCOUNTER = "encounter";

    /** Active on the day by the dates the source gave, whatever the policy's encounter window. */
    public boolean activeOn(LocalDate day) {
        return !day.isBefore(startedOn) && (endsOn == null || !day.isAfter(endsOn));
    }

    /** Active on the day for the access policy: an encounter counts only within the window. */
    public boolean activeOn(LocalDate day, int encounterWindowDays) {
        LocalDate end = endsOn;
        if (ENCOUNTER.equals(kind)) {
            LocalDate windowEnd = startedOn.plusDays(encounterWindowDays - 1L);
            end = end == null || end.isAfter(windowEnd) ? windowEnd : end;
        }
        return !day.isBefore(startedOn) && (end == null || !day.isAfter(end));
    }

    public boolean selfClaimed() {
        return SELF_CLAIMED.equals(kind);
    }
}
