package org.kmcr.portal.rest;

import org.kmcr.common.consent.BreakGlassReason;

/** How the break-glass form words each reason of consent's fixed list. */
final class ReasonLabels {

    private ReasonLabels() {
    }

    static String of(BreakGlassReason reason) {
        return switch (reason) {
            case VITAL_INTERESTS -> "Their life or health is at risk and they cannot consent (vital interests)";
            case EMERGENCY_CARE -> "Emergency care";
            case UNPLANNED_CARE -> "Unplanned care (for example an unexpected admission)";
            case SAFEGUARDING_CONCERN -> "A safeguarding concern";
            case PERSON_ASKED -> "The person asked me to look at their record";
        };
    }
}
